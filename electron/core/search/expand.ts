import { fuzzyDistance, fuzzyTerms } from './fuzzy'
import { lowerBoundString } from './sorted-search'
import { FIELD_COUNT, type InvertedIndex } from './inverted-index'
import { FIELD_BOOST } from './score'
import type { QueryPart } from './tokenize'
import { VersionedCache } from './versioned-cache'

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
  /** Weight × field boost × BM25 inverse document frequency of each term in each field, at [e * FIELD_COUNT + f]. */
  coef: Float64Array
  /** Postings to walk if this atom drives the query: the sum of its terms' list lengths. */
  size: number
  /** For atoms with many terms: position + 1 by term id (0 = not in the atom), so a document is checked in one scan. */
  lookup: Int32Array | null
  /** CJK parts highlight as the whole query word (their terms are bigrams); null = highlight the terms. */
  label: string | null
  /** What determines the atom's scores: the same key means the same terms and weights (atom-cache.ts). */
  key: string
}

/**
 * Expansions of recent query words. Every keystroke asks again for the words typed before it, and a
 * typo-tolerant word costs about a millisecond to expand on 100,000 notes.
 */
const recent = new VersionedCache<Atom>(64)

export function expand(index: InvertedIndex, part: QueryPart, fuzzy: boolean, label: string | null): Atom {
  const maxDistance = fuzzy && !part.cjk ? fuzzyDistance(part.term) : 0
  const key = `${part.term}\u0000${part.prefix ? 'p' : ''}${maxDistance}`
  const atom = recent.get(index, key) ?? recent.set(index, key, expandAfresh(index, part, maxDistance, key))
  return atom.label === label ? atom : atomOf(atom.terms, atom.coef, atom.size, atom.lookup, label, atom.key)
}

/**
 * Every atom is made here, so all have one object shape: the hot loops then stay optimised for it (a
 * spread copy's differing shape had made them deoptimise).
 */
function atomOf(
  terms: Int32Array,
  coef: Float64Array,
  size: number,
  lookup: Int32Array | null,
  label: string | null,
  key: string,
): Atom {
  return { terms, coef, size, lookup, label, key }
}

function expandAfresh(index: InvertedIndex, part: QueryPart, maxDistance: number, key: string): Atom {
  const found = new Map<number, number>()
  const exact = index.dictionary.find(part.term)
  if (exact >= 0) found.set(exact, 1)
  const sorted = index.sortedTerms()
  if (part.prefix) {
    const matches: number[] = []
    for (
      let i = lowerBoundString(sorted, part.term);
      i < sorted.length && sorted[i]!.startsWith(part.term);
      i++
    ) {
      const id = index.dictionary.find(sorted[i]!)
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
  if (maxDistance > 0) {
    // A term that is also a completion keeps its prefix weight, as in MiniSearch.
    for (const [at, distance] of fuzzyTerms(sorted, part.term, maxDistance)) {
      if (part.prefix && sorted[at]!.startsWith(part.term)) continue // a completion left out above
      const id = index.dictionary.find(sorted[at]!)
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
  const coef = new Float64Array(terms.length * FIELD_COUNT)
  terms.forEach((id, e) => {
    for (let f = 0; f < FIELD_COUNT; f++) {
      const df = index.df[id * FIELD_COUNT + f]!
      const idf = Math.log(1 + (index.liveCount - df + 0.5) / (df + 0.5))
      coef[e * FIELD_COUNT + f] = weights[e]! * FIELD_BOOST[f]! * idf
    }
  })
  return atomOf(terms, coef, size, lookup, null, key)
}
