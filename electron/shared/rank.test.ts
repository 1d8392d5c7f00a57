import { describe, expect, it } from 'vitest'
import { RankError, compareRank, isValidRank, rankBetween } from './rank'

/** A tiny seeded generator, so a failing run can be replayed. */
function seeded(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Moves the item at `from` to index `to` the way a drop does: one new key from its new neighbours. */
function move(keys: string[], from: number, to: number): void {
  const [moved] = keys.splice(from, 1)
  expect(moved).toBeDefined()
  const key = rankBetween(keys[to - 1] ?? null, keys[to] ?? null)
  keys.splice(to, 0, key)
}

describe('rankBetween', () => {
  it('starts in the middle and orders before / after / between', () => {
    const first = rankBetween(null, null)
    const after = rankBetween(first, null)
    const before = rankBetween(null, first)
    const mid = rankBetween(first, after)
    expect([after, mid, first, before].sort(compareRank)).toEqual([before, first, mid, after])
  })

  it('keeps keys short when cards are appended or prepended thousands of times', () => {
    let last = rankBetween(null, null)
    let top = last
    for (let i = 0; i < 5000; i++) {
      const next = rankBetween(last, null)
      expect(next > last).toBe(true)
      last = next
      const above = rankBetween(null, top)
      expect(above < top).toBe(true)
      top = above
    }
    expect(last.length).toBeLessThanOrEqual(4)
    expect(top.length).toBeLessThanOrEqual(4)
  })

  it('10,000 random moves in a 300-card column never need renumbering and keys stay short', () => {
    const random = seeded(42)
    const keys: string[] = []
    for (let i = 0; i < 300; i++) keys.push(rankBetween(keys.at(-1) ?? null, null))
    for (let i = 0; i < 10_000; i++) {
      const from = Math.floor(random() * keys.length)
      const to = Math.floor(random() * keys.length)
      move(keys, from, to)
    }
    // Strictly increasing: the order the user made is exactly the sorted order after a reload.
    const reloaded = [...keys].sort(compareRank)
    expect(reloaded).toEqual(keys)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.every(isValidRank)).toBe(true)
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThan(16)
  })

  it('grows only slowly when the same gap is split again and again (the worst case)', () => {
    const low = rankBetween(null, null)
    let high = rankBetween(low, null)
    for (let i = 0; i < 300; i++) {
      const mid = rankBetween(low, high)
      expect(low < mid && mid < high).toBe(true)
      high = mid
    }
    expect(high.length).toBeLessThan(64) // the model allows 200
  })

  it('refuses neighbours in the wrong order, equal neighbours and malformed keys', () => {
    expect(() => rankBetween('a5', 'a1')).toThrow(RankError)
    expect(() => rankBetween('a1', 'a1')).toThrow(RankError)
    expect(() => rankBetween('a10', null)).toThrow(RankError) // a fraction never ends in 0
    expect(() => rankBetween('!', null)).toThrow(RankError)
    expect(() => rankBetween(null, 'b1')).toThrow(RankError) // 'b' promises a three-character integer
    expect(isValidRank('')).toBe(false)
    expect(isValidRank('a0V')).toBe(true)
  })
})
