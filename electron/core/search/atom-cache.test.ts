import { describe, expect, it } from 'vitest'
import { atomScores, cachedScores } from './atom-cache'
import { expand } from './expand'
import { InvertedIndex } from './inverted-index'
import { Scorer } from './score'
import { queryParts } from './tokenize'
import { testDoc } from './test-doc'

const doc = (id: string, text: string, revision = 1) => testDoc(id, text, { revision })

/** The atom for "sel" typed as a prefix, and its scores through the cache, as intersect asks for them. */
function scoresOf(index: InvertedIndex, word = 'sel') {
  const atom = expand(index, queryParts(word, true)[0]!, false, null)
  const scorer = new Scorer(index)
  const norms = new Float64Array(index.ids.length)
  scorer.textNorms(norms)
  return { atom, result: atomScores(index, scorer, atom, norms), scorer }
}
const holders = (index: InvertedIndex, docs: Int32Array) => [...docs].map((d) => index.ids[d]).sort()

function library() {
  const index = new InvertedIndex()
  index.add(doc('a', 'sell the car'))
  index.add(doc('b', 'selma called'))
  index.add(doc('c', 'nothing here'))
  index.rebuildPostings()
  return index
}

describe('atom score cache', () => {
  it('answers a repeated atom from the cache while the index is unchanged', () => {
    const index = library()
    const first = scoresOf(index)
    expect(cachedScores(index, first.atom)).toBe(first.result)
    expect(scoresOf(index).result).toBe(first.result)
    expect(holders(index, first.result.docs)).toEqual(['a', 'b'])
  })

  it('forgets every entry when a note is added, so the new note is scored', () => {
    const index = library()
    const before = scoresOf(index)
    index.add(doc('d', 'selfie stick'))
    expect(cachedScores(index, before.atom)).toBeUndefined()
    const after = scoresOf(index)
    expect(after.result).not.toBe(before.result)
    expect(holders(index, after.result.docs)).toEqual(['a', 'b', 'd'])
  })

  it('forgets every entry when a note is removed or replaced', () => {
    const index = library()
    scoresOf(index)
    index.remove('b')
    expect(holders(index, scoresOf(index).result.docs)).toEqual(['a'])
    index.add(doc('a', 'bought a bike', 2))
    expect(scoresOf(index).result.docs).toHaveLength(0)
  })

  it('gives after a change the scores the index now gives, not those it gave before', () => {
    const index = library()
    const stale = scoresOf(index).result.scores.slice()
    // A new note holding the words changes their document frequency, so every score moves.
    index.add(doc('d', 'sell sell selling'))
    const { atom, result, scorer } = scoresOf(index)
    let moved = 0
    for (let d = 0; d < index.ids.length; d++) {
      // The forward path scores one document from its own term list: what a walk must agree with.
      const now = index.alive[d] ? scorer.atom(atom, d, null) : 0
      expect(result.scores[d]! * index.alive[d]!).toBeCloseTo(now, 5) // impacts are float32
      if (d < stale.length && Math.abs(stale[d]! - now) > 1e-3) moved++
    }
    expect(moved).toBeGreaterThan(0)
  })

  it('keeps entries of one index apart from another’s', () => {
    const one = library()
    const other = library()
    const { atom, result } = scoresOf(one)
    expect(cachedScores(other, atom)).toBeUndefined()
    expect(scoresOf(other).result).not.toBe(result)
  })

  it('keeps the twelve most recently used atoms and drops the oldest', () => {
    const index = new InvertedIndex()
    const words = Array.from({ length: 13 }, (_, i) => `w${String.fromCharCode(97 + i)}x`)
    words.forEach((w, i) => index.add(doc(`n${i}`, `${w}ord`)))
    const atoms = words.map((w) => scoresOf(index, w).atom)
    expect(cachedScores(index, atoms[0]!)).toBeUndefined()
    for (const atom of atoms.slice(1)) expect(cachedScores(index, atom)).toBeDefined()
  })
})
