import { lengthNorm, saturation } from './bm25'
import type { Atom } from './expand'
import { lowerBound } from './sorted-search'
import { FIELD_COUNT, tfOf, type InvertedIndex } from './inverted-index'
import { BODY_SHIFT, OTHER_FIELDS } from './postings'

/**
 * Field weights. The title's is kept small on purpose: plain MiniSearch (the reference the bench compares
 * with) weighs title and body alike, and on 100,000 bench notes a title weight of 1.1 already dropped 10%
 * of its top 20 out of ours (1.25: 21%, 2: about a third). 1.05 still prefers a title match on a near-tie.
 */
export const FIELD_BOOST = [1.05, 1, 1.5, 1] as const

/** Scores (atom, document) pairs with the per-query constants computed once. */
export class Scorer {
  private readonly avg = new Float64Array(FIELD_COUNT)

  constructor(private readonly index: InvertedIndex) {
    for (let f = 0; f < FIELD_COUNT; f++) this.avg[f] = index.normAvg[f]! || 1
  }

  /**
   * The length norm of every document's body, so the loop over postings added since the block was built
   * (which have no impacts) does one division per posting.
   */
  textNorms(out: Float64Array): void {
    const avg = this.avg[1]!
    const lengths = this.index.fieldLen
    for (let d = 0, n = this.index.ids.length; d < n; d++)
      out[d] = lengthNorm(lengths[d * FIELD_COUNT + 1]!, avg)
  }

  /** BM25+ of expansion `e` of `atom` with packed frequencies `packed` in `doc`; never 0 for a present term. */
  term(atom: Atom, e: number, packed: number, doc: number): number {
    let score = 0
    const base = doc * FIELD_COUNT
    for (let f = 0; f < FIELD_COUNT; f++) {
      const tf = tfOf(packed, f)
      if (!tf) continue
      const norm = lengthNorm(this.index.fieldLen[base + f]!, this.avg[f]!)
      score += atom.coef[e * FIELD_COUNT + f]! * saturation(tf, norm)
    }
    return Math.max(score, 1e-9)
  }

  /**
   * The score of posting `p` of expansion `e`, the same as term() gives: from the block's impacts (see
   * InvertedIndex.baseImpacts) when `impacts` are given, else computed (lists added since the block).
   */
  posting(
    atom: Atom,
    e: number,
    impacts: Float32Array | null,
    tfs: Uint32Array,
    p: number,
    doc: number,
    norms: Float64Array,
  ): number {
    const c = e * FIELD_COUNT
    const coef = atom.coef
    const impact = impacts === null ? NaN : impacts[p]!
    if (impact >= 0) return coef[c + 1]! * impact
    if (impact < 0) {
      const rows = this.index.baseFieldImpacts
      const r = (-1 - impact) * FIELD_COUNT
      return (
        coef[c]! * rows[r]! +
        coef[c + 1]! * rows[r + 1]! +
        coef[c + 2]! * rows[r + 2]! +
        coef[c + 3]! * rows[r + 3]!
      )
    }
    const packed = tfs[p]!
    if ((packed & OTHER_FIELDS) === 0) return coef[c + 1]! * saturation(packed >>> BODY_SHIFT, norms[doc]!)
    return this.term(atom, e, packed, doc)
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

  /**
   * Rough cost of checking `atom` on `count` documents through the forward index, in postings walked in the
   * same time. Measured on 100,000 notes: a document's forward list is ~150 terms in memory of its own, so
   * a binary search in it costs about as much as walking 100 postings, and a scan with a look-up table 250.
   */
  static forwardCost(atom: Atom, count: number): number {
    return count * (atom.lookup ? 250 : atom.terms.length * 100)
  }
}
