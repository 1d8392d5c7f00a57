/**
 * The search box's query language, parsed without ever throwing: whatever cannot be understood is
 * skipped and reported in `ignored`, so a half-typed query still searches what it can.
 *
 *   words (AND)   "exact phrase"   -word   -"phrase"   a OR b
 *   tag:x  notebook:x  board:x  has:followup  has:attachment  is:done  in:trash
 *   due:overdue|today|week   created:>2025-01-01   updated:<2025-02   created:2025-01-01
 */

export interface QueryWord {
  kind: 'word'
  text: string
  /** The word being typed: matched as a prefix. */
  prefix: boolean
}
export interface QueryPhrase {
  kind: 'phrase'
  text: string
}
export type QueryAtom = QueryWord | QueryPhrase

/** A doc matches a clause when it matches any of its alternatives (one unless the query used OR). */
export interface QueryClause {
  alternatives: QueryAtom[]
  negated: boolean
}

export type QueryFilter =
  | { kind: 'tag'; value: string; negated: boolean }
  | { kind: 'notebook'; value: string; negated: boolean }
  | { kind: 'board'; value: string; negated: boolean }
  | { kind: 'has-attachment'; negated: boolean }
  | { kind: 'has-followup'; negated: boolean }
  | { kind: 'is-done'; negated: boolean }
  | { kind: 'in-trash'; negated: boolean }
  | { kind: 'due'; range: 'overdue' | 'today' | 'week'; negated: boolean }
  | {
      kind: 'date'
      field: 'createdAt' | 'updatedAt'
      op: '>' | '<' | '='
      from: number
      to: number
      negated: boolean
    }

export interface ParsedQuery {
  clauses: QueryClause[]
  filters: QueryFilter[]
  /** One readable line per part of the query that was not used, with the reason. */
  ignored: string[]
}

interface Token {
  text: string
  quoted: boolean
  negated: boolean
  /** For `key:"quoted value"`. */
  key?: string
}

/** Splits on whitespace, honouring quotes; an unclosed quote runs to the end (the user is still typing). */
function lex(input: string): { tokens: Token[]; unclosedQuote: boolean } {
  const tokens: Token[] = []
  let i = 0
  let unclosedQuote = false
  while (i < input.length) {
    while (i < input.length && /\s/u.test(input[i]!)) i++
    if (i >= input.length) break
    let negated = false
    if (input[i] === '-' && i + 1 < input.length && !/\s/u.test(input[i + 1]!)) {
      negated = true
      i++
    }
    const keyMatch = /^([a-z]+):"/iu.exec(input.slice(i, i + 20))
    const key = keyMatch ? keyMatch[1]! : undefined
    if (key) i += key.length + 1
    if (input[i] === '"') {
      const end = input.indexOf('"', i + 1)
      if (end === -1) unclosedQuote = true
      const text = input.slice(i + 1, end === -1 ? input.length : end)
      tokens.push({ text, quoted: true, negated, key })
      i = end === -1 ? input.length : end + 1
      continue
    }
    let j = i
    while (j < input.length && !/\s/u.test(input[j]!)) j++
    tokens.push({ text: input.slice(i, j), quoted: false, negated })
    i = j
  }
  return { tokens, unclosedQuote }
}

/** "2025", "2025-03", "2025-03-07" → [start, end) in local time; anything else → null. */
export function parseDateRange(text: string): { from: number; to: number } | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/u.exec(text)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] ? Number(m[2]) - 1 : undefined
  const day = m[3] ? Number(m[3]) : undefined
  if (month !== undefined && (month < 0 || month > 11)) return null
  const from = new Date(year, month ?? 0, day ?? 1)
  if (day !== undefined && from.getDate() !== day) return null // 2025-02-31 is not a day
  const to =
    day !== undefined
      ? new Date(year, month!, day + 1)
      : month !== undefined
        ? new Date(year, month + 1, 1)
        : new Date(year + 1, 0, 1)
  return { from: from.getTime(), to: to.getTime() }
}

function parseFilter(key: string, value: string, negated: boolean, raw: string): QueryFilter | string {
  const lower = value.toLowerCase()
  switch (key) {
    case 'tag':
      return value
        ? { kind: 'tag', value: value.replace(/^#/u, ''), negated }
        : `${raw} (tag: needs a tag name)`
    case 'notebook':
      return value ? { kind: 'notebook', value, negated } : `${raw} (notebook: needs a notebook name)`
    case 'board':
      return value ? { kind: 'board', value, negated } : `${raw} (board: needs a board name)`
    case 'has':
      if (lower === 'followup' || lower === 'follow-up') return { kind: 'has-followup', negated }
      if (lower === 'attachment' || lower === 'attachments') return { kind: 'has-attachment', negated }
      return `${raw} (has: knows followup and attachment)`
    case 'is':
      if (lower === 'done') return { kind: 'is-done', negated }
      return `${raw} (is: knows done)`
    case 'in':
      if (lower === 'trash') return { kind: 'in-trash', negated }
      return `${raw} (in: knows trash)`
    case 'due':
      if (lower === 'overdue' || lower === 'today' || lower === 'week')
        return { kind: 'due', range: lower, negated }
      return `${raw} (due: knows overdue, today and week)`
    case 'created':
    case 'updated': {
      const op = value[0] === '>' || value[0] === '<' ? value[0] : '='
      const range = parseDateRange(op === '=' ? value : value.slice(1).replace(/^=/u, ''))
      if (!range) return `${raw} (${key}: needs a date such as ${key}:>2025-01-01)`
      return { kind: 'date', field: key === 'created' ? 'createdAt' : 'updatedAt', op, ...range, negated }
    }
    default:
      return ''
  }
}

/**
 * The filters the search palette offers as chips: clicking one adds it to the query, so the syntax is learnt
 * by using it. Kept beside the parser (and tested against it) so a chip never offers a word it cannot read;
 * a chip ending in ":" or ">" waits for the value to be typed.
 */
export const FILTER_CHIPS = [
  'has:followup',
  'has:attachment',
  'due:overdue',
  'due:today',
  'is:done',
  'in:trash',
  'tag:',
  'notebook:',
  'board:',
  'updated:>',
] as const

const FILTER_KEYS = new Set(['tag', 'notebook', 'board', 'has', 'is', 'in', 'due', 'created', 'updated'])
export const MAX_QUERY_LENGTH = 500

export function parseQuery(input: string): ParsedQuery {
  const ignored: string[] = []
  let text = typeof input === 'string' ? input : ''
  if (text.length > MAX_QUERY_LENGTH) {
    ignored.push(`everything after character ${MAX_QUERY_LENGTH} (the query is too long)`)
    text = text.slice(0, MAX_QUERY_LENGTH)
  }
  const { tokens, unclosedQuote } = lex(text)
  const typingLastWord = text.length > 0 && !/\s$/u.test(text) && !unclosedQuote
  const clauses: QueryClause[] = []
  const filters: QueryFilter[] = []
  let pendingOr = false
  tokens.forEach((token, index) => {
    const raw = `${token.negated ? '-' : ''}${token.key ? `${token.key}:"${token.text}"` : token.quoted ? `"${token.text}"` : token.text}`
    const filterMatch = token.key ? null : token.quoted ? null : /^([a-z]+):(.*)$/isu.exec(token.text)
    const key = (token.key ?? filterMatch?.[1])?.toLowerCase()
    if (key && FILTER_KEYS.has(key)) {
      const parsed = parseFilter(key, token.key ? token.text : filterMatch![2]!, token.negated, raw)
      if (typeof parsed === 'string') ignored.push(parsed)
      else filters.push(parsed)
      return
    }
    if (!token.quoted && token.text === 'OR') {
      if (clauses.length === 0 || clauses.at(-1)!.negated || index === tokens.length - 1)
        ignored.push('OR (it needs a word on each side)')
      else pendingOr = true
      return
    }
    const body = token.quoted ? token.text.trim() : token.text
    if (!/[\p{L}\p{N}]/u.test(body)) {
      if (body) ignored.push(`${raw} (nothing to search for in it)`)
      pendingOr = false
      return
    }
    const atom: QueryAtom = token.quoted
      ? { kind: 'phrase', text: body }
      : { kind: 'word', text: body, prefix: typingLastWord && index === tokens.length - 1 && !token.negated }
    if (pendingOr && !token.negated) clauses.at(-1)!.alternatives.push(atom)
    else {
      if (pendingOr) ignored.push('OR (it cannot join an excluded word)')
      clauses.push({ alternatives: [atom], negated: token.negated })
    }
    pendingOr = false
  })
  return { clauses, filters, ignored }
}

/** Bounds of a `due:` range for a given now, in local time. */
export function dueRange(range: 'overdue' | 'today' | 'week', now: number): { from: number; to: number } {
  const d = new Date(now)
  const dayStart = (offset: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset).getTime()
  if (range === 'overdue') return { from: -Infinity, to: now }
  return { from: dayStart(0), to: dayStart(range === 'today' ? 1 : 7) }
}
