import type { ParsedQuery } from '../../shared/domain/search-query'
import { expand, type Atom } from './expand'
import { compileFilters } from './filters'
import { intersect } from './intersect'
import { FLAG_TRASHED } from './index-doc'
import type { InvertedIndex } from './inverted-index'
import { Scorer } from './score'
import { topK } from './top-k'
import { fold } from '../../shared/domain/fold'
import { queryParts } from './tokenize'

interface Alt {
  atoms: Atom[]
  /** Folded phrase that must appear verbatim (checked on the text), or null for a plain word. */
  phrase: string | null
}
interface Clause {
  alts: Alt[]
  negated: boolean
}

export interface ExecOptions {
  limit: number
  now: number
  notebookNames: ReadonlyMap<string, string>
  /** Board names by id, for board:Name (given only when the query has a board: filter). */
  boardNames?: ReadonlyMap<string, string>
  /** Title and text of a document, for phrase checks; null when the note can no longer be read. */
  textOf: (doc: number) => { title: string; text: string } | null
}

export interface ExecResult {
  hits: { doc: number; score: number; matches: string[] }[]
  total: number
}

const normalizeSpace = (text: string) => fold(text).replace(/\s+/gu, ' ')

/**
 * Words match as MiniSearch with `prefix: true, fuzzy: 0.2` matches them (exact, as a prefix, or within a
 * few edits for words of 5 letters or more), weighted as it weighs them, so the best hits agree with it.
 * Excluded words and quoted phrases match exactly: `-gar` must not exclude every note with "garden".
 */
function compile(index: InvertedIndex, query: ParsedQuery): Clause[] {
  return query.clauses.map((clause) => ({
    negated: clause.negated,
    alts: clause.alternatives.map((alt) => {
      const loose = alt.kind === 'word' && !clause.negated
      const parts = queryParts(alt.text, loose)
      const label = parts.some((p) => p.cjk) ? fold(alt.text) : null
      return {
        atoms: parts.map((part) => expand(index, part, loose, part.cjk ? label : null)),
        phrase: alt.kind === 'phrase' && parts.length > 1 ? normalizeSpace(alt.text) : null,
      }
    }),
  }))
}

/** Score of a clause on a document, or -1 when no alternative matches. Phrases are checked later. */
function clauseScore(scorer: Scorer, clause: Clause, doc: number, collect: string[] | null): number {
  let best = -1
  for (const alt of clause.alts) {
    let sum = 0
    let ok = alt.atoms.length > 0
    for (const atom of alt.atoms) {
      const s = scorer.atom(atom, doc, collect)
      if (s === 0) {
        ok = false
        if (!collect) break
      }
      sum += s
    }
    if (ok) best = Math.max(best, 0) + sum
  }
  return best
}

export function execute(index: InvertedIndex, query: ParsedQuery, options: ExecOptions): ExecResult {
  const clauses = compile(index, query)
  const scorer = new Scorer(index)
  const passes = compileFilters(
    index,
    query.filters,
    { notebooks: options.notebookNames, boards: options.boardNames ?? new Map() },
    options.now,
  )
  const positive = clauses.filter((c) => !c.negated)
  // Single-alternative clauses are plain ANDs of atoms; OR and exclusions are checked per candidate.
  const required = positive.filter((c) => c.alts.length === 1)
  const rest = clauses.filter((c) => c.negated || c.alts.length > 1)
  const needsText = clauses.some((c) => c.alts.some((a) => a.phrase))
  let docs: ArrayLike<number>
  let acc: Float64Array
  if (required.length)
    ({ docs, acc } = intersect(
      index,
      scorer,
      required.flatMap((c) => c.alts[0]!.atoms),
    ))
  else {
    docs = index.liveDocs()
    acc = new Float64Array(index.ids.length)
  }
  const kept = new Int32Array(docs.length)
  const scores = new Float64Array(docs.length)
  let count = 0
  // Plain words with no filters (most queries while typing): only the trash check, inline.
  const plain = rest.length === 0 && query.filters.length === 0
  for (let c = 0; c < docs.length; c++) {
    const doc = docs[c]!
    if (plain) {
      if ((index.flags[doc]! & FLAG_TRASHED) !== 0) continue
      kept[count] = doc
      scores[count++] = acc[doc]!
      continue
    }
    if (!passes(doc)) continue
    let ok = true
    for (const clause of rest) {
      const s = clauseScore(scorer, clause, doc, null)
      if (clause.negated ? s >= 0 && !clause.alts.some((a) => a.phrase) : s < 0) {
        ok = false
        break
      }
      if (!clause.negated) acc[doc]! += s
    }
    if (!ok) continue
    kept[count] = doc
    // Without words to rank by, the newest notes come first.
    scores[count++] = positive.length ? acc[doc]! : index.updated[doc]! / 1e13
  }
  const order = topK(scores, needsText ? count : options.limit, count)
  const hits: ExecResult['hits'] = []
  let total = needsText ? 0 : count
  for (const i of order) {
    const doc = kept[i]!
    if (needsText) {
      if (!phrasesHold(clauses, doc, options)) continue
      total++
    }
    if (hits.length >= options.limit) continue
    const matches: string[] = []
    for (const clause of positive) clauseScore(scorer, clause, doc, matches)
    hits.push({ doc, score: positive.length ? scores[i]! : 0, matches: [...new Set(matches)] })
  }
  return { hits, total }
}

/** Phrase alternatives and excluded phrases need the text itself: their words alone may be far apart. */
function phrasesHold(clauses: Clause[], doc: number, options: ExecOptions): boolean {
  const note = options.textOf(doc)
  if (!note) return false
  const text = normalizeSpace(`${note.title}\n${note.text}`)
  for (const clause of clauses) {
    const phrases = clause.alts.filter((a) => a.phrase)
    if (!phrases.length) continue
    const found = phrases.some((a) => text.includes(a.phrase!))
    if (clause.negated ? found : !found && clause.alts.every((a) => a.phrase)) return false
  }
  return true
}
