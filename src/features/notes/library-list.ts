import type { NoteSummary } from '../../../electron/shared/model'
import { countNotes, newestFirst, patchCounts, type Counts } from './list-view'

/** Every note's row (Trash included), newest first, and the sidebar's counts kept in step with it. */
export interface LibraryList {
  notes: readonly NoteSummary[]
  counts: Counts
}

/** What one or more `library.changed` events said: the rows written and the ids gone from the library. */
export interface ListChange {
  summaries: readonly NoteSummary[]
  removed: readonly string[]
}

export const EMPTY_LIST: LibraryList = { notes: [], counts: countNotes([]) }

export function listOf(notes: readonly NoteSummary[]): LibraryList {
  const sorted = [...notes].sort(newestFirst)
  return { notes: sorted, counts: countNotes(sorted) }
}

/**
 * The list with the change applied, in one pass over it and without re-sorting it: the written rows are
 * merged in where they belong and their old rows (and removed ones) left out, and the counts are patched
 * from the difference. A row never replaces a newer revision of itself, so a reply or page that was
 * overtaken by a later change cannot bring the older text back.
 */
export function patchList(list: LibraryList, change: ListChange): LibraryList {
  if (change.summaries.length === 0 && change.removed.length === 0) return list
  const removed = new Set(change.removed)
  const incoming = new Map<string, NoteSummary>()
  for (const row of change.summaries) {
    const seen = incoming.get(row.id)
    if (!removed.has(row.id) && (!seen || seen.revision <= row.revision)) incoming.set(row.id, row)
  }
  const kept: NoteSummary[] = []
  const counted: [NoteSummary | undefined, NoteSummary | undefined][] = []
  for (const row of list.notes) {
    const next = incoming.get(row.id)
    if (removed.has(row.id)) counted.push([row, undefined])
    else if (!next) kept.push(row)
    else if (next.revision < row.revision) {
      kept.push(row)
      incoming.delete(row.id)
    } else counted.push([row, next])
  }
  const replaced = new Set(counted.map(([before]) => before?.id))
  for (const row of incoming.values()) if (!replaced.has(row.id)) counted.push([undefined, row])
  if (counted.length === 0) return list
  return { notes: mergeSorted(kept, [...incoming.values()].sort(newestFirst)), counts: patchCounts(list.counts, counted) }
}

/** Two lists already newest first, as one. */
function mergeSorted(a: readonly NoteSummary[], b: readonly NoteSummary[]): NoteSummary[] {
  if (b.length === 0) return a as NoteSummary[]
  const out = new Array<NoteSummary>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = newestFirst(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}
