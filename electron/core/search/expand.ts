import { fuzzyDistance, fuzzyTerms } from './fuzzy'
import { lowerBoundString } from './growable'
import { FIELD_COUNT, type InvertedIndex } from './inverted-index'
import type { QueryPart } from './tokenize'

/** Same relative weights as MiniSearch, so rankings agree with what users of it would expect. */
export const PREFIX_WEIGHT = 0.375
export const FUZZY_WEIGHT = 0.45
/**
 * A prefix as short as "a" can expand to thousands of terms; beyond this many, only the most frequent
 * are kept (a rare completion is rarely what someone typing two letters is after).
 */
export const MAX_PREFIX_TERMS = 2000

/** The index terms one query part stands for, each with its weight. */
export interface Atom {
  terms: Int32Array
  weights: Float64Array
  /** BM25 inverse document frequency of each term in each field, at [e * FIELD_COUNT + f]. */
  idf: Float64Array
  /** Postings to walk if this atom drives the query: the sum of its terms' list lengths. */
  size: number
  /** For atoms with many terms: position + 1 by term id (0 = not in the atom), so a document is checked in one scan. */
  lookup: Int32Array | null
  /** CJK parts highlight as the whole query word (their terms are bigrams); null = highlight the terms. */
  label: string | null
  /** What determines the atom's scores: the same key means the same terms and weights (atom-cache.ts). */
  key: string
}

export function expand(index: InvertedIndex, part: QueryPart, fuzzy: boolean, label: string | null): Atom {
  const found = new Map<number, number>()
  const exact = index.termIds.get(part.term)
  if (exact !== undefined) found.set(exact, 1)
  const sorted = index.sortedTerms()
  if (part.prefix) {
    const matches: number[] = []
    for (
      let i = lowerBoundString(sorted, part.term);
      i < sorted.length && sorted[i]!.startsWith(part.term);
      i++
    ) {
      const id = index.termIds.get(sorted[i]!)!
      if (id !== exact) matches.push(id)
    }
    if (matches.length > MAX_PREFIX_TERMS) {
      matches.sort((a, b) => index.postingCount(b) - index.postingCount(a))
      matches.length = MAX_PREFIX_TERMS
    }
    for (const id of matches) {
      const extra = index.terms[id]!.length - part.term.length
      found.set(id, (PREFIX_WEIGHT * index.terms[id]!.length) / (index.terms[id]!.length + 0.3 * extra))
    }
  }
  const maxDistance = fuzzy && !part.cjk ? fuzzyDistance(part.term) : 0
  if (maxDistance > 0) {
    // A term that is also a completion keeps its prefix weight, as in MiniSearch.
    for (const [at, distance] of fuzzyTerms(sorted, part.term, maxDistance)) {
      if (part.prefix && sorted[at]!.startsWith(part.term)) continue // a completion left out above
      const id = index.termIds.get(sorted[at]!)!
      const length = sorted[at]!.length
      if (!found.has(id)) found.set(id, (FUZZY_WEIGHT * length) / (length + distance))
    }
  }
  const terms = Int32Array.from(found.keys()).sort()
  const weights = Float64Array.from(terms, (id) => found.get(id)!)
  let size = 0
  for (const id of terms) size += index.postingCount(id)
  let lookup: Int32Array | null = null
  if (terms.length > 12) {
    lookup = new Int32Array(index.terms.length)
    terms.forEach((id, e) => (lookup![id] = e + 1))
  }
  const idf = new Float64Array(terms.length * FIELD_COUNT)
  terms.forEach((id, e) => {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const df = index.df[id * FIELD_COUNT + f]!
      idf[e * FIELD_COUNT + f] = Math.log(1 + (index.liveCount - df + 0.5) / (df + 0.5))
    }
  })
  const key = `${part.term}\u0000${part.prefix ? 'p' : ''}${maxDistance}`
  return { terms, weights, size, label, lookup, idf, key }
}
