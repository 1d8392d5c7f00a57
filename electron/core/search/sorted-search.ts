/** Binary searches over sorted lists. */

/** First index in sorted `list` whose value is ≥ `value`. */
export function lowerBound(list: ArrayLike<number>, value: number, from = 0, to = list.length): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The same over sorted strings, in code-unit order (the order of Array.prototype.sort). */
export function lowerBoundString(list: readonly string[], value: string): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
