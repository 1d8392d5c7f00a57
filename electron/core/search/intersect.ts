import type { Atom } from './expand'
import { atomScores, cachedScores, CACHE_MIN_POSTINGS } from './atom-cache'
import type { InvertedIndex } from './inverted-index'
import { Scorer } from './score'

/**
 * The hot path of a query: the documents holding every required atom, with their summed BM25+ scores.
 *
 * A word typed as a prefix ("sel") can stand for a thousand terms whose postings cover nearly every note,
 * so a query may walk millions of postings. This keeps that walk to a few loads, one multiplication and one
 * add per posting (the block's impacts, see InvertedIndex.baseImpacts), and allocates nothing sized to the library per query: the score and level arrays live
 * with the index (the worker answers one query at a time) and only the entries a query touched are reset.
 */

/** Documents per slice of walkAtom: their score, level and norm entries (~140 KB) stay in cache. */
const SLICE = 8192

interface Scratch {
  acc: Float64Array
  level: Uint8Array
  norms: Float64Array
  normsVersion: number
  /** Documents the current query raised from level 0, in the order first met: [0, touchedCount). */
  touched: Int32Array
  touchedCount: number
}
const scratches = new WeakMap<InvertedIndex, Scratch>()

function scratchOf(index: InvertedIndex, scorer: Scorer): Scratch {
  const n = index.ids.length
  let s = scratches.get(index)
  if (!s || s.acc.length < n) {
    const size = Math.max(1024, Math.ceil(n * 1.25))
    s = {
      acc: new Float64Array(size),
      level: new Uint8Array(size),
      norms: new Float64Array(size),
      normsVersion: -1,
      touched: new Int32Array(size),
      touchedCount: 0,
    }
    scratches.set(index, s)
  } else {
    for (let i = 0; i < s.touchedCount; i++) {
      const doc = s.touched[i]!
      s.acc[doc] = 0
      s.level[doc] = 0
    }
  }
  s.touchedCount = 0
  if (s.normsVersion !== index.version) {
    scorer.textNorms(s.norms)
    s.normsVersion = index.version
  }
  return s
}

/**
 * Adds expansion `e` of `atom` over postings [from, to) with documents below `below` to the documents at
 * `level` `at` (or, for the first atom, to every live document), raising them to `at + 1`. Returns where
 * it stopped. `impacts` are the block's; lists added since have none and compute them.
 */
function walk(
  index: InvertedIndex,
  scorer: Scorer,
  s: Scratch,
  atom: Atom,
  e: number,
  at: number,
  docs: Int32Array,
  tfs: Uint32Array,
  impacts: Float32Array | null,
  from: number,
  to: number,
  below: number,
): number {
  const acc = s.acc
  const level = s.level
  const norms = s.norms
  const touched = s.touched
  const alive = index.alive
  const next = at + 1
  let count = s.touchedCount
  let p = from
  for (; p < to; p++) {
    const doc = docs[p]!
    if (doc >= below) break
    const l = level[doc]!
    if (l !== at && l !== next) continue
    if (l === 0) {
      if (alive[doc] === 0) continue
      touched[count++] = doc
    }
    level[doc] = next
    acc[doc]! += scorer.posting(atom, e, impacts, tfs, p, doc, norms)
  }
  s.touchedCount = count
  return p
}

/**
 * Walks every posting of `atom` in slices of the document range, all its terms per slice, so that a
 * prefix's thousand terms touch one slice of the score arrays at a time rather than sweeping all of them
 * a thousand times. Broad atoms mostly go through atom-cache.ts instead.
 */
function walkAtom(index: InvertedIndex, scorer: Scorer, s: Scratch, atom: Atom, at: number): void {
  const count = atom.terms.length
  const base = new Int32Array(count * 2)
  const extra = new Int32Array(count)
  for (let e = 0; e < count; e++) {
    const term = atom.terms[e]!
    if (term + 1 < index.baseOffsets.length) {
      base[2 * e] = index.baseOffsets[term]!
      base[2 * e + 1] = index.baseOffsets[term + 1]!
    }
  }
  const n = index.ids.length
  for (let below = SLICE; below < n + SLICE; below += SLICE) {
    for (let e = 0; e < count; e++) {
      if (base[2 * e]! < base[2 * e + 1]!) {
        base[2 * e] = walk(
          index,
          scorer,
          s,
          atom,
          e,
          at,
          index.baseDocs,
          index.baseTfs,
          index.baseImpacts,
          base[2 * e]!,
          base[2 * e + 1]!,
          below,
        )
      }
      const list = index.extra[atom.terms[e]!]
      if (list && extra[e]! < list.length) {
        extra[e] = walk(
          index,
          scorer,
          s,
          atom,
          e,
          at,
          list.docs,
          list.tfs,
          null,
          extra[e]!,
          list.length,
          below,
        )
      }
    }
  }
}

export function intersect(
  index: InvertedIndex,
  scorer: Scorer,
  atoms: Atom[],
): { docs: Int32Array; acc: Float64Array } {
  const s = scratchOf(index, scorer)
  const { acc, level } = s
  let docs: Int32Array = new Int32Array(0)
  atoms.sort((a, b) => a.size - b.size)
  for (let i = 0; i < atoms.length && i < 255; i++) {
    const atom = atoms[i]!
    if (i > 0 && docs.length === 0) break
    const known = cachedScores(index, atom)
    if (
      known ||
      (atom.size >= CACHE_MIN_POSTINGS && (i === 0 || atom.size < Scorer.forwardCost(atom, docs.length)))
    ) {
      // A broad atom: its scores on every document, computed once and kept while the index is unchanged.
      const { scores, docs: holding } = known ?? atomScores(index, scorer, atom, s.norms)
      if (i === 0) {
        const touched = s.touched
        for (let k = 0; k < holding.length; k++) {
          const doc = holding[k]!
          acc[doc] = scores[doc]!
          level[doc] = 1
          touched[k] = doc
        }
        s.touchedCount = holding.length
        docs = holding
      } else docs = narrow(docs, scores, acc, level, i + 1)
      continue
    }
    // Walk this atom's postings, or check it on the candidates through the forward index: whichever
    // touches fewer entries (a common word after a rare one costs almost nothing).
    if (i === 0 || atom.size < Scorer.forwardCost(atom, docs.length)) {
      walkAtom(index, scorer, s, atom, i)
      docs = i === 0 ? s.touched.slice(0, s.touchedCount) : reached(docs, level, i + 1)
    } else {
      const out = new Int32Array(docs.length)
      let kept = 0
      for (let k = 0; k < docs.length; k++) {
        const doc = docs[k]!
        const score = scorer.atom(atom, doc, null)
        if (score === 0) continue
        acc[doc]! += score
        level[doc] = i + 1
        out[kept++] = doc
      }
      docs = out.subarray(0, kept)
    }
  }
  return { docs, acc }
}

// The candidate lists below are filtered with plain loops: TypedArray.filter calls its callback per
// element without inlining it, which cost milliseconds on 90,000 candidates.

/** The candidates the walk of the atom at `next - 1` raised to `next`. */
function reached(docs: Int32Array, level: Uint8Array, next: number): Int32Array {
  const out = new Int32Array(docs.length)
  let kept = 0
  for (let k = 0; k < docs.length; k++) if (level[docs[k]!] === next) out[kept++] = docs[k]!
  return out.subarray(0, kept)
}

/** The candidates a cached atom's scores hold, with those scores added and their level raised to `next`. */
function narrow(
  docs: Int32Array,
  scores: Float64Array,
  acc: Float64Array,
  level: Uint8Array,
  next: number,
): Int32Array {
  const out = new Int32Array(docs.length)
  let kept = 0
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k]!
    const score = scores[doc]!
    if (score === 0) continue
    acc[doc]! += score
    level[doc] = next
    out[kept++] = doc
  }
  return out.subarray(0, kept)
}
