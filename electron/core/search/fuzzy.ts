/**
 * Typo tolerance: the terms within a few edits of a query word.
 *
 * Walking the whole dictionary with one Levenshtein table per term is too slow for every keystroke on a
 * large library. The dictionary is kept sorted, so neighbouring terms share prefixes: the table rows of a shared
 * prefix are computed once (as in a trie walk), and once every cell of a row exceeds the allowed distance,
 * every term under that prefix is skipped at once.
 */

/** Edits allowed for a word: MiniSearch's `fuzzy: 0.2` (a fifth of its length), but none below 5 letters. */
export const fuzzyDistance = (word: string): number =>
  word.length >= 5 ? Math.min(6, Math.round(word.length * 0.2)) : 0

/** Indices into `sorted` of the terms within `max` edits of `word` (not `word` itself), with their distances. */
export function fuzzyTerms(sorted: readonly string[], word: string, max: number): [number, number][] {
  const out: [number, number][] = []
  const n = word.length
  const codes = new Int32Array(n)
  for (let j = 0; j < n; j++) codes[j] = word.charCodeAt(j)
  // rows[d] is the table row after the first d characters of `current`.
  const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)]
  let current = ''
  let valid = 0 // rows[0..valid] hold `current`'s prefix of that length
  let i = 0
  while (i < sorted.length) {
    const term = sorted[i]!
    let depth = 0
    const limit = Math.min(valid, term.length)
    while (depth < limit && current.charCodeAt(depth) === term.charCodeAt(depth)) depth++
    let dead = false
    for (; depth < term.length; depth++) {
      const above = rows[depth]!
      const row = (rows[depth + 1] ??= new Int32Array(n + 1))
      const c = term.charCodeAt(depth)
      let best = (row[0] = depth + 1)
      for (let j = 1; j <= n; j++) {
        const v = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + (c === codes[j - 1] ? 0 : 1))
        row[j] = v
        if (v < best) best = v
      }
      if (best > max) {
        dead = true
        depth++
        break
      }
    }
    current = term
    valid = depth
    if (dead) {
      // No term under this prefix can come back within reach: skip them all.
      const prefix = term.slice(0, depth)
      while (i < sorted.length && sorted[i]!.startsWith(prefix)) i++
      continue
    }
    const distance = rows[term.length]![n]!
    if (distance <= max && distance > 0) out.push([i, distance])
    i++
  }
  return out
}
