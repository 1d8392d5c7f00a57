/**
 * Indices of the k largest scores, best first. A bounded min-heap: O(n log k) instead of sorting every
 * candidate when a common word matches tens of thousands of notes.
 */
export function topK(scores: ArrayLike<number>, k: number, length = scores.length): number[] {
  if (k <= 0) return []
  if (k >= length) return Array.from({ length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b)
  const heap: number[] = []
  // Lower score (or, on ties, later index) is "smaller", so ties keep the earliest candidates.
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b)
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r
      if (m === i) return
      ;[heap[i], heap[m]] = [heap[m]!, heap[i]!]
      i = m
    }
  }
  for (let i = 0; i < length; i++) {
    if (heap.length < k) {
      heap.push(i)
      for (let j = heap.length - 1; j > 0;) {
        const p = (j - 1) >> 1
        if (!less(heap[j]!, heap[p]!)) break
        ;[heap[j], heap[p]] = [heap[p]!, heap[j]!]
        j = p
      }
    } else if (less(heap[0]!, i)) {
      heap[0] = i
      down(0)
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b)
}
