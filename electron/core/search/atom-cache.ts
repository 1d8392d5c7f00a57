import type { Atom } from './expand'
import { FIELD_COUNT, type InvertedIndex } from './inverted-index'
import { BODY_SHIFT, D, FIELD_BOOST, K1, OTHER_FIELDS, type Scorer } from './score'

/**
 * Score vectors of broad atoms. A short word such as "sel" stands, as a prefix, for a thousand terms whose
 * postings cover nearly every note; walking them is most of a query's time. While someone types
 * "sel din", "sel dinm", "sel dinmi" the first word's scores do not change, so they are kept — for the
 * index version they were computed on only, so a cached score is always exactly what a walk would give.
 */

/** Only atoms with more postings than this are worth 1.2 MB of memory each. */
export const CACHE_MIN_POSTINGS = 150_000
const MAX_ENTRIES = 12

export interface AtomScores {
  /** Score by document number (0 = the atom is not in the document). */
  scores: Float64Array
  /** The live documents with a score, in the order the walk met them. */
  docs: Int32Array
}

const caches = new WeakMap<InvertedIndex, { version: number; entries: Map<string, AtomScores> }>()

function entriesOf(index: InvertedIndex): Map<string, AtomScores> {
  let cache = caches.get(index)
  if (!cache || cache.version !== index.version) {
    cache = { version: index.version, entries: new Map() }
    caches.set(index, cache)
  }
  return cache.entries
}

/** The atom's cached scores, if a query on this version of the index already computed them. */
export function cachedScores(index: InvertedIndex, atom: Atom): AtomScores | undefined {
  const entries = entriesOf(index)
  const hit = entries.get(atom.key)
  if (hit) {
    entries.delete(atom.key) // re-inserted: Map order is the least-recently-used order
    entries.set(atom.key, hit)
  }
  return hit
}

/**
 * The atom's scores on every document, from the cache or from one walk over its postings. `norms` are
 * the documents' body norms (Scorer.textNorms) for the fast path of body-only postings.
 */
export function atomScores(
  index: InvertedIndex,
  scorer: Scorer,
  atom: Atom,
  norms: Float64Array,
): AtomScores {
  const hit = cachedScores(index, atom)
  if (hit) return hit
  const cache = entriesOf(index)
  const made = walkAll(index, scorer, atom, norms)
  cache.set(atom.key, made)
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  return made
}

function walkAll(index: InvertedIndex, scorer: Scorer, atom: Atom, norms: Float64Array): AtomScores {
  const n = index.ids.length
  const scores = new Float64Array(n)
  const docs = new Int32Array(n)
  let count = 0
  const alive = index.alive
  const walk = (list: Int32Array, tfs: Uint32Array, e: number, from: number, to: number) => {
    const bodyWeight = atom.weights[e]! * FIELD_BOOST[1] * atom.idf[e * FIELD_COUNT + 1]!
    for (let p = from; p < to; p++) {
      const doc = list[p]!
      if (scores[doc] === 0) {
        if (alive[doc] === 0) continue
        docs[count++] = doc
      }
      const packed = tfs[p]!
      if ((packed & OTHER_FIELDS) === 0) {
        const tf = packed >>> BODY_SHIFT
        scores[doc]! += bodyWeight * (D + (tf * K1) / (tf + norms[doc]!))
      } else scores[doc]! += scorer.term(atom, e, packed, doc)
    }
  }
  for (let e = 0; e < atom.terms.length; e++) {
    const term = atom.terms[e]!
    if (term + 1 < index.baseOffsets.length)
      walk(index.baseDocs, index.baseTfs, e, index.baseOffsets[term]!, index.baseOffsets[term + 1]!)
    const extra = index.extra[term]
    if (extra) walk(extra.docs, extra.tfs, e, 0, extra.length)
  }
  return { scores, docs: docs.slice(0, count) }
}
