import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../shared/domain/search-query'
import { execute } from './execute'
import { expand, MAX_PREFIX_TERMS } from './expand'
import { InvertedIndex } from './inverted-index'
import { queryParts } from './tokenize'
import { testDoc } from './test-doc'

const doc = (id: string, text: string) => testDoc(id, text)

/** "q" followed by three letters spelling n in base 26: qaaa, qaab, … */
const word = (n: number) =>
  'q' + [676, 26, 1].map((d) => String.fromCharCode(97 + (Math.floor(n / d) % 26))).join('')

/**
 * More completions of "q" than a prefix may stand for: each of the first MAX_PREFIX_TERMS words is in
 * two notes (its own and a long shared one), the 100 after them in one note only, and "q" itself in one.
 */
const COMMON = MAX_PREFIX_TERMS
const RARE = 100
function library(): InvertedIndex {
  const index = new InvertedIndex()
  for (let n = 0; n < COMMON + RARE; n++) index.add(doc(`own${n}`, word(n)))
  index.add(doc('shared', Array.from({ length: COMMON }, (_, n) => word(n)).join(' ')))
  index.add(doc('exact', 'q'))
  index.rebuildPostings()
  return index
}
const found = (index: InvertedIndex, query: string) =>
  new Set(
    execute(index, parseQuery(query), {
      limit: 10_000,
      now: 0,
      notebookNames: new Map(),
      textOf: () => null,
    }).hits.map((h) => index.ids[h.doc]!),
  )

describe('prefix expansion', () => {
  it('keeps only the MAX_PREFIX_TERMS most frequent completions of a short prefix, and the word itself', () => {
    const index = library()
    const atom = expand(index, queryParts('q', true)[0]!, false, null)
    const terms = [...atom.terms].map((id) => index.terms[id]!)
    expect(terms).toHaveLength(MAX_PREFIX_TERMS + 1)
    expect(terms).toContain('q')
    const kept = new Set(terms)
    for (let n = 0; n < COMMON; n++) expect(kept.has(word(n))).toBe(true)
    for (let n = COMMON; n < COMMON + RARE; n++) expect(kept.has(word(n))).toBe(false)
  })

  it('finds a note by a rare completion once the prefix is long enough to name it', () => {
    const index = library()
    const rare = word(COMMON + 7)
    expect(found(index, 'q').has(`own${COMMON + 7}`)).toBe(false)
    expect(found(index, 'q').has(`own${COMMON - 1}`)).toBe(true)
    // Fewer completions than the cut: every one is kept.
    expect(found(index, rare.slice(0, 3)).has(`own${COMMON + 7}`)).toBe(true)
    expect(found(index, rare)).toEqual(new Set([`own${COMMON + 7}`]))
  })

  it('does not cut a prefix with at most MAX_PREFIX_TERMS completions', () => {
    const index = new InvertedIndex()
    for (let n = 0; n < MAX_PREFIX_TERMS; n++) index.add(doc(`own${n}`, word(n)))
    const atom = expand(index, queryParts('q', true)[0]!, false, null)
    expect(atom.terms).toHaveLength(MAX_PREFIX_TERMS)
  })
})
