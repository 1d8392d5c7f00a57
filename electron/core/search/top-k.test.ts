import { describe, expect, it } from 'vitest'
import { rng } from '../bench/corpus'
import { topK } from './top-k'

/** What topK must equal: every index sorted by score, best first, ties by the earlier index. */
const bySort = (scores: ArrayLike<number>, k: number, length = scores.length) =>
  Array.from({ length }, (_, i) => i)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, Math.max(0, k))

describe('topK', () => {
  it('gives the k best indices, best first, as a full sort would', () => {
    const random = rng(11)
    for (let round = 0; round < 200; round++) {
      const n = 1 + Math.floor(random() * 300)
      // Few distinct values, so ties are common and their order is tested too.
      const scores = Float64Array.from({ length: n }, () => Math.floor(random() * 12))
      const k = Math.floor(random() * (n + 5))
      expect(topK(scores, k)).toEqual(bySort(scores, k))
    }
  })

  it('keeps the earliest candidates among equal scores', () => {
    expect(topK([1, 3, 3, 2, 3, 3], 3)).toEqual([1, 2, 4])
    expect(topK([0, 0, 0, 0], 2)).toEqual([0, 1])
  })

  it('looks only at the first `length` scores (the rest of a reused buffer is stale)', () => {
    const buffer = Float64Array.from([5, 1, 4, 9, 9, 9])
    expect(topK(buffer, 2, 3)).toEqual([0, 2])
    expect(topK(buffer, 10, 3)).toEqual([0, 2, 1])
  })

  it('gives nothing for k of 0 or below, and everything sorted for k beyond the length', () => {
    expect(topK([3, 1, 2], 0)).toEqual([])
    expect(topK([3, 1, 2], -1)).toEqual([])
    expect(topK([3, 1, 2], 99)).toEqual([0, 2, 1])
    expect(topK([], 5)).toEqual([])
  })
})
