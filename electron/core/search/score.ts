import type { Atom } from './expand'
import { lowerBound } from './growable'
import { FIELD_COUNT, tfOf, type InvertedIndex } from './inverted-index'

/**
 * Field weights. The title's is kept small on purpose: plain MiniSearch (the reference the bench compares
 * with) weighs title and body alike, and on 100,000 bench notes a title weight of 1.1 already dropped 10%
 * of its top 20 out of ours (1.25: 21%, 2: about a third). 1.05 still prefers a title match on a near-tie.
 */
export const FIELD_BOOST = [1.05, 1, 1.5, 1] as const
/** MiniSearch's BM25+ parameters, so rankings agree with it. */
export const K = 1.2
const B = 0.7
export const D = 0.5
export const K1 = K + 1
/** Postings holding nothing but body counts take the fast path (bits of the other fields all zero). */
export const OTHER_FIELDS = ~0xfff00
export const BODY_SHIFT = 8

/** Scores (atom, document) pairs with the per-query constants computed once. */
export class Scorer {
  private readonly avg = new Float64Array(FIELD_COUNT)

  constructor(private readonly index: InvertedIndex) {
    for (let f = 0; f < FIELD_COUNT; f++) this.avg[f] = index.lenSum[f]! / Math.max(1, index.liveCount)
  }

  /**
   * K·(1 − B + B·len/avg) of every document's body, the per-document part of its BM25 denominator, so the
   * hot loop over a posting list that only holds body counts does one division per posting.
   */
  textNorms(out: Float64Array): void {
    const avg = this.avg[1]! || 1
    const lengths = this.index.fieldLen
    for (let d = 0, n = this.index.ids.length; d < n; d++) {
      out[d] = K * (1 - B + (B * lengths[d * FIELD_COUNT + 1]!) / avg)
    }
  }

  /** BM25+ of expansion `e` of `atom` with packed frequencies `packed` in `doc`; never 0 for a present term. */
  term(atom: Atom, e: number, packed: number, doc: number): number {
    let score = 0
    const base = doc * FIELD_COUNT
    for (let f = 0; f < FIELD_COUNT; f++) {
      const tf = tfOf(packed, f)
      if (!tf) continue
      const len = this.index.fieldLen[base + f]!
      const norm = tf + K * (1 - B + (B * len) / this.avg[f]!)
      score += FIELD_BOOST[f]! * atom.idf[e * FIELD_COUNT + f]! * (D + (tf * (K + 1)) / norm)
    }
    return Math.max(score, 1e-9) * atom.weights[e]!
  }

  /** The atom's score on one document (0 = none of its terms there), read from the forward index. */
  atom(atom: Atom, doc: number, collect: string[] | null): number {
    const termList = this.index.fwdTerms[doc]
    const tfList = this.index.fwdTfs[doc]
    if (!termList || !tfList) return 0
    let score = 0
    if (atom.lookup) {
      const lookup = atom.lookup
      for (let k = 0; k < termList.length; k++) {
        const e = lookup[termList[k]!]! - 1
        if (e < 0) continue
        score += this.term(atom, e, tfList[k]!, doc)
        if (collect) collect.push(atom.label ?? this.index.terms[termList[k]!]!)
      }
      return score
    }
    for (let e = 0; e < atom.terms.length; e++) {
      const term = atom.terms[e]!
      const at = lowerBound(termList, term)
      if (at === termList.length || termList[at] !== term) continue
      score += this.term(atom, e, tfList[at]!, doc)
      if (collect) collect.push(atom.label ?? this.index.terms[term]!)
    }
    return score
  }

  /** Rough cost of checking `atom` on `count` documents through the forward index (~110 terms each). */
  static forwardCost(atom: Atom, count: number): number {
    return count * (atom.lookup ? 110 : atom.terms.length * 7)
  }
}
