import type { Atom } from './expand'
import type { InvertedIndex } from './inverted-index'
import type { Scorer } from './score'
import { VersionedCache } from './versioned-cache'

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
  /** The live documents with a score, in document order. */
  docs: Int32Array
}

const cache = new VersionedCache<AtomScores>(MAX_ENTRIES)

/** The atom's cached scores, if a query on this version of the index already computed them. */
export function cachedScores(index: InvertedIndex, atom: Atom): AtomScores | undefined {
  return cache.get(index, atom.key)
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
  return cache.get(index, atom.key) ?? cache.set(index, atom.key, walkAll(index, scorer, atom, norms))
}

function walkAll(index: InvertedIndex, scorer: Scorer, atom: Atom, norms: Float64Array): AtomScores {
  const n = index.ids.length
  const scores = new Float64Array(n)
  for (let e = 0; e < atom.terms.length; e++) {
    const term = atom.terms[e]!
    if (term + 1 < index.baseOffsets.length) {
      const { baseDocs, baseTfs, baseImpacts, baseOffsets } = index
      add(
        scorer,
        atom,
        e,
        scores,
        norms,
        baseDocs,
        baseTfs,
        baseImpacts,
        baseOffsets[term]!,
        baseOffsets[term + 1]!,
      )
    }
    const extra = index.extra[term]
    if (extra) add(scorer, atom, e, scores, norms, extra.docs, extra.tfs, null, 0, extra.length)
  }
  // Every posting scores above 0, so the documents holding the atom are those with a score; collecting
  // them afterwards keeps the loop above to one load, one multiplication and one add per posting.
  const alive = index.alive
  const docs = new Int32Array(n)
  let count = 0
  for (let d = 0; d < n; d++) if (scores[d] !== 0 && alive[d] !== 0) docs[count++] = d
  return { scores, docs: docs.slice(0, count) }
}

function add(
  scorer: Scorer,
  atom: Atom,
  e: number,
  scores: Float64Array,
  norms: Float64Array,
  list: Int32Array,
  tfs: Uint32Array,
  impacts: Float32Array | null,
  from: number,
  to: number,
): void {
  for (let p = from; p < to; p++) {
    const doc = list[p]!
    scores[doc]! += scorer.posting(atom, e, impacts, tfs, p, doc, norms)
  }
}
