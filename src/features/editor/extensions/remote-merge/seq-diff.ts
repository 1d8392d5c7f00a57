/** A run of `a[aFrom, aTo)` that became `b[bFrom, bTo)`; one side may be empty (a pure insert or delete). */
export interface Hunk {
  aFrom: number
  aTo: number
  bFrom: number
  bTo: number
}

/**
 * Beyond this many differences the middle of the two sequences is taken as one hunk: Myers' diff costs
 * O((n + m) · d), and a remote change that rewrote that much of a note is a rewrite, not an edit.
 */
const MAX_EDITS = 2000

/**
 * The smallest set of hunks turning `a` into `b` (Myers' O(ND) diff, after the common prefix and suffix are
 * cut off). Several small hunks rather than one from the first difference to the last, so two edits far
 * apart never become one replacement of everything between them.
 */
export function diffSeq<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): Hunk[] {
  let start = 0
  while (start < a.length && start < b.length && eq(a[start]!, b[start]!)) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && eq(a[endA - 1]!, b[endB - 1]!)) {
    endA--
    endB--
  }
  if (start === endA && start === endB) return []
  if (start === endA || start === endB) return [{ aFrom: start, aTo: endA, bFrom: start, bTo: endB }]
  const script = myers(a, b, start, endA, endB, eq)
  if (!script) return [{ aFrom: start, aTo: endA, bFrom: start, bTo: endB }]
  return script
}

/** The hunks of the middle, or null when it differs in more than MAX_EDITS places. */
function myers<T>(
  a: readonly T[],
  b: readonly T[],
  start: number,
  endA: number,
  endB: number,
  eq: (x: T, y: T) => boolean,
): Hunk[] | null {
  const n = endA - start
  const m = endB - start
  const max = Math.min(n + m, MAX_EDITS)
  const offset = max + 1
  let v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    const next = v
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && next[offset + k - 1]! < next[offset + k + 1]!)
          ? next[offset + k + 1]!
          : next[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && eq(a[start + x]!, b[start + y]!)) {
        x++
        y++
      }
      next[offset + k] = x
      if (x >= n && y >= m) return backtrack(trace, d, n, m, offset, start)
    }
    v = next
  }
  return null
}

/** Walks the recorded frontiers back from the end, merging adjacent single edits into hunks. */
function backtrack(
  trace: Int32Array[],
  dEnd: number,
  n: number,
  m: number,
  offset: number,
  start: number,
): Hunk[] {
  const hunks: Hunk[] = []
  let x = n
  let y = m
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const top = hunks[hunks.length - 1]
    // Walking backwards: an edit ending where the previous one started joins it.
    if (top && top.aFrom === start + bx && top.bFrom === start + by) {
      top.aFrom = start + ax
      top.bFrom = start + ay
    } else hunks.push({ aFrom: start + ax, aTo: start + bx, bFrom: start + ay, bTo: start + by })
  }
  for (let d = dEnd; d > 0; d--) {
    // trace[d] is the frontier before round d: it says which diagonal this round's edit came from.
    const prev = trace[d]!
    const k = x - y
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!)
    const prevK = down ? k + 1 : k - 1
    const prevX = prev[offset + prevK]!
    const prevY = prevX - prevK
    // Down inserts b[prevY]; right deletes a[prevX]. The equal run after it needs no hunk.
    add(prevX, prevY, down ? prevX : prevX + 1, down ? prevY + 1 : prevY)
    x = prevX
    y = prevY
  }
  return hunks.reverse()
}
