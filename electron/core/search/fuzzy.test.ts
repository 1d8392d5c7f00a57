import { describe, expect, it } from 'vitest'
import { fuzzyDistance, fuzzyTerms } from './fuzzy'

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]!
}

describe('fuzzy terms', () => {
  it('finds exactly the terms a plain Levenshtein scan finds', () => {
    let seed = 1
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(random() * 5)]).join('')
    const sorted = [...new Set(Array.from({ length: 3000 }, () => word(2 + Math.floor(random() * 8))))].sort()
    for (let q = 0; q < 50; q++) {
      const query = word(3 + Math.floor(random() * 6))
      for (const max of [1, 2]) {
        const expected = sorted
          .map((term, i): [number, number] => [i, levenshtein(term, query)])
          .filter(([, d]) => d > 0 && d <= max)
        expect(fuzzyTerms(sorted, query, max)).toEqual(expected)
      }
    }
  })
  it('allows no typo below 5 letters, then a fifth of the length', () => {
    expect([fuzzyDistance('plam'), fuzzyDistance('budgit'), fuzzyDistance('recruting')]).toEqual([0, 1, 2])
  })
})
