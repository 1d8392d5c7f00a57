import type { NoteSummary } from '../shared/model'
import type { NoteCursor, NotePage } from '../shared/contract'

/**
 * The library's list order: newest first, ties broken by id. A total order, so a page that starts after a
 * cursor neither repeats nor skips a row, however the rows before it changed meanwhile.
 */
export const newestFirst = (a: NoteSummary, b: NoteSummary): number =>
  a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export const isNewestFirst = (list: readonly NoteSummary[]): boolean =>
  list.every((row, i) => i === 0 || newestFirst(list[i - 1]!, row) < 0)

/**
 * Up to `limit` rows of a list in newestFirst order, starting after `after` (the last row of the page
 * before). A written note moves to the top, before any cursor, and its window hears of it from the
 * change event; a removed one simply is not there.
 */
export function pageOf(sorted: readonly NoteSummary[], after: NoteCursor | undefined, limit: number): NotePage {
  let start = 0
  if (after) {
    // The first row that sorts after the cursor (binary search: the list may hold 100,000 rows).
    let high = sorted.length
    while (start < high) {
      const mid = (start + high) >>> 1
      if (newestFirst(sorted[mid]!, after as NoteSummary) <= 0) start = mid + 1
      else high = mid
    }
  }
  const notes = sorted.slice(start, start + limit)
  const last = notes.at(-1)
  return { notes, next: start + limit < sorted.length && last ? { updatedAt: last.updatedAt, id: last.id } : null }
}
