import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FILTER_CHIPS, MAX_QUERY_LENGTH, dueRange, parseDateRange, parseQuery } from './search-query'

describe('parseQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    const q = parseQuery('budget "board meeting" -draft kim OR lee repo')
    expect(q.clauses).toEqual([
      { alternatives: [{ kind: 'word', text: 'budget', prefix: false }], negated: false },
      { alternatives: [{ kind: 'phrase', text: 'board meeting' }], negated: false },
      { alternatives: [{ kind: 'word', text: 'draft', prefix: false }], negated: true },
      {
        alternatives: [
          { kind: 'word', text: 'kim', prefix: false },
          { kind: 'word', text: 'lee', prefix: false },
        ],
        negated: false,
      },
      { alternatives: [{ kind: 'word', text: 'repo', prefix: true }], negated: false },
    ])
    expect(q.ignored).toEqual([])
  })

  it('treats only the word still being typed as a prefix', () => {
    expect(parseQuery('meet').clauses[0]!.alternatives[0]).toMatchObject({ prefix: true })
    expect(parseQuery('meet ').clauses[0]!.alternatives[0]).toMatchObject({ prefix: false })
  })

  it('reads filters, negated filters and quoted notebook names', () => {
    const q = parseQuery('tag:#work -is:done notebook:"Client work" has:followup in:trash due:week')
    expect(q.filters).toEqual([
      { kind: 'tag', value: 'work', negated: false },
      { kind: 'is-done', negated: true },
      { kind: 'notebook', value: 'Client work', negated: false },
      { kind: 'has-followup', negated: false },
      { kind: 'in-trash', negated: false },
      { kind: 'due', range: 'week', negated: false },
    ])
    expect(q.clauses).toEqual([])
  })

  it('reads dates with > and < as local-day bounds', () => {
    const [after] = parseQuery('updated:>2025-01-01').filters
    expect(after).toMatchObject({ kind: 'date', field: 'updatedAt', op: '>' })
    expect(after).toMatchObject({ to: new Date(2025, 0, 2).getTime() })
    const [month] = parseQuery('created:2024-02').filters
    expect(month).toMatchObject({
      op: '=',
      from: new Date(2024, 1, 1).getTime(),
      to: new Date(2024, 2, 1).getTime(),
    })
  })

  it('says why it ignored what it could not use, and still searches the rest', () => {
    const q = parseQuery('board: has:pictures report due:someday updated:>yesterday is:urgent OR')
    expect(q.clauses.map((c) => c.alternatives[0]!.text)).toEqual(['report'])
    expect(q.ignored).toEqual([
      'board: (board: needs a board name)',
      'has:pictures (has: knows followup and attachment)',
      'due:someday (due: knows overdue, today and week)',
      'updated:>yesterday (updated: needs a date such as updated:>2025-01-01)',
      'is:urgent (is: knows done)',
      'OR (it needs a word on each side)',
    ])
  })

  it('reads board: names and has:attachment as filters', () => {
    expect(parseQuery('board:"Sales pipeline" -has:attachment').filters).toEqual([
      { kind: 'board', value: 'Sales pipeline', negated: false },
      { kind: 'has-attachment', negated: true },
    ])
  })

  it('keeps an unclosed quote as a phrase and ignores pure punctuation', () => {
    const q = parseQuery('"follow up with ... !!!')
    expect(q.clauses).toEqual([
      { alternatives: [{ kind: 'phrase', text: 'follow up with ... !!!' }], negated: false },
    ])
    expect(parseQuery('--- ???').ignored).toEqual([
      '--- (nothing to search for in it)',
      '??? (nothing to search for in it)',
    ])
  })

  it('cuts an overlong query and says so', () => {
    const q = parseQuery('a '.repeat(MAX_QUERY_LENGTH))
    expect(q.ignored[0]).toMatch(/too long/)
  })

  it('keeps words of unknown keys such as "re:" or times as words', () => {
    expect(parseQuery('re:budget 10:30').clauses.map((c) => c.alternatives[0]!.text)).toEqual([
      're:budget',
      '10:30',
    ])
  })

  it('never throws and always returns well-formed parts, whatever is typed', () => {
    const alphabet = fc.constantFrom(...'ab "-:<>OR tag:is:done in:trash 후속조치 认证 é\t\n#()'.split(''))
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ unit: 'grapheme' })),
        (text) => {
          const q = parseQuery(text)
          for (const clause of q.clauses) {
            expect(clause.alternatives.length).toBeGreaterThan(0)
            for (const alt of clause.alternatives) expect(alt.text.trim()).not.toBe('')
          }
          for (const reason of q.ignored) expect(typeof reason).toBe('string')
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('dates', () => {
  it('rejects impossible dates', () => {
    expect(parseDateRange('2025-02-31')).toBeNull()
    expect(parseDateRange('2025-13')).toBeNull()
    expect(parseDateRange('tomorrow')).toBeNull()
  })

  it('gives due ranges from the start of the local day', () => {
    const now = new Date(2025, 4, 10, 15, 0).getTime()
    expect(dueRange('today', now)).toEqual({
      from: new Date(2025, 4, 10).getTime(),
      to: new Date(2025, 4, 11).getTime(),
    })
    expect(dueRange('overdue', now)).toEqual({ from: -Infinity, to: now })
    expect(dueRange('week', now).to).toBe(new Date(2025, 4, 17).getTime())
  })
})

describe('the palette\'s filter chips', () => {
  it('each read as a filter once its value is typed, with nothing ignored', () => {
    for (const chip of FILTER_CHIPS) {
      const query = chip.endsWith('>') ? `${chip}2025-01-01` : chip.endsWith(':') ? `${chip}sales` : chip
      const parsed = parseQuery(`${query} `)
      expect(parsed.ignored, query).toEqual([])
      expect(parsed.filters, query).toHaveLength(1)
      expect(parsed.clauses, query).toEqual([])
    }
  })
})
