import type { NoteSummary } from '../../../electron/shared/model'
import {
  countNotes,
  extendView,
  newestFirst,
  patchCounts,
  visibleNotes,
  type Counts,
  type ListScope,
  type SortKey,
} from './list-view'

/** Every note's row (Trash included), newest first, and the sidebar's counts kept in step with it. */
export interface LibraryList {
  notes: readonly NoteSummary[]
  counts: Counts
  /**
   * The rows of the list before this one when this one only added rows after them (a page of the list
   * arriving), else null. A view can then extend itself with the new rows instead of filtering and
   * sorting 100,000 rows again.
   */
  grewFrom: readonly NoteSummary[] | null
}

/** What one or more `library.changed` events said: the rows written and the ids gone from the library. */
export interface ListChange {
  summaries: readonly NoteSummary[]
  removed: readonly string[]
}

export const EMPTY_LIST: LibraryList = { notes: [], counts: countNotes([]), grewFrom: null }

/** Below this many moved rows a patch splices them by binary search; above it, one pass over the list. */
const FEW = 64

/**
 * The library's list as it arrives in pages and changes with each `library.changed`. It holds an index of
 * the rows by id, so a page costs the page (appended to the end, where the list order puts it) and a save
 * costs its rows plus one copy of the array — never a merge, sort or recount of the whole list. Each
 * operation returns the new immutable `LibraryList` for React; the store itself is not state.
 *
 * A row never replaces a newer revision of itself, so a page read before a save, or a change overtaken by
 * a later one, cannot bring older text back; and while a load runs, an id removed is remembered, so a page
 * read before the removal cannot bring the note back either.
 */
export class NoteListStore {
  private current: LibraryList = EMPTY_LIST
  private readonly byId = new Map<string, NoteSummary>()
  private removedWhileLoading: Set<string> | null = null

  get list(): LibraryList {
    return this.current
  }

  /** Empties the list for a fresh load; removals are remembered until `endLoad`. */
  beginLoad(): LibraryList {
    this.byId.clear()
    this.removedWhileLoading = new Set()
    this.current = EMPTY_LIST
    return this.current
  }

  endLoad(): void {
    this.removedWhileLoading = null
  }

  /** The next page of the library, in list order (each page starts after the last row of the one before). */
  append(page: readonly NoteSummary[]): LibraryList {
    const fresh: NoteSummary[] = []
    const newer: NoteSummary[] = []
    for (const row of page) {
      if (this.removedWhileLoading?.has(row.id)) continue
      const had = this.byId.get(row.id)
      if (!had) fresh.push(row)
      else if (had.revision < row.revision) newer.push(row) // written after the change that brought `had`
    }
    if (fresh.length > 0) {
      const { notes, counts } = this.current
      const last = notes.at(-1)
      // A change may have put a row past this page's start (a synced note with an older time): then the
      // page is merged into the tail it overlaps, and the view re-derived.
      const inOrder = !last || newestFirst(last, fresh[0]!) < 0
      for (const row of fresh) this.byId.set(row.id, row)
      this.current = {
        notes: inOrder ? notes.concat(fresh) : insertSorted(notes, fresh),
        counts: patchCounts(
          counts,
          fresh.map((row) => [undefined, row]),
        ),
        grewFrom: inOrder ? notes : null,
      }
    }
    return newer.length > 0 ? this.patch({ summaries: newer, removed: [] }) : this.current
  }

  /** A change: written rows go where their time puts them (their old rows leave), removed ids leave. */
  patch(change: ListChange): LibraryList {
    const removed = new Set(change.removed)
    for (const id of removed) this.removedWhileLoading?.add(id)
    const incoming = new Map<string, NoteSummary>()
    for (const row of change.summaries) {
      if (removed.has(row.id)) continue
      const seen = incoming.get(row.id) ?? this.byId.get(row.id)
      if (!seen || seen.revision <= row.revision) incoming.set(row.id, row)
    }
    const leaving: NoteSummary[] = []
    const counted: [NoteSummary | undefined, NoteSummary | undefined][] = []
    for (const id of removed) {
      const before = this.byId.get(id)
      if (!before) continue
      leaving.push(before)
      counted.push([before, undefined])
      this.byId.delete(id)
    }
    for (const row of incoming.values()) {
      const before = this.byId.get(row.id)
      if (before) leaving.push(before)
      counted.push([before, row])
      this.byId.set(row.id, row)
    }
    if (counted.length === 0) return this.current
    const kept = withoutRows(this.current.notes, leaving)
    this.current = {
      notes: insertSorted(kept, [...incoming.values()].sort(newestFirst)),
      counts: patchCounts(this.current.counts, counted),
      grewFrom: null,
    }
    return this.current
  }
}

/**
 * A function giving the notes of one scope in one order from the library's list, which remembers the view
 * it gave last: when the list only grew since (a page arrived) and nothing else changed, that view is
 * extended by the new rows instead of filtering and sorting 100,000 rows again.
 */
export function viewOfList() {
  let last: {
    list: LibraryList
    scope: ListScope
    sort: SortKey
    locale: string
    visible: NoteSummary[]
  } | null = null
  return (list: LibraryList, scope: ListScope, sort: SortKey, locale: string): NoteSummary[] => {
    const grew =
      last &&
      list.grewFrom === last.list.notes &&
      last.scope === scope &&
      last.sort === sort &&
      last.locale === locale
    const visible = grew
      ? extendView(last!.visible, list.notes.slice(last!.list.notes.length), scope, sort, locale)
      : // The library's list is kept newest first, so that view needs no sort.
        visibleNotes(list.notes, scope, sort, locale, true)
    last = { list, scope, sort, locale, visible }
    return visible
  }
}

/** Where `row` is, or would go, in a list in newestFirst order. */
function positionOf(notes: readonly NoteSummary[], row: NoteSummary, from = 0): number {
  let low = from
  let high = notes.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (newestFirst(notes[mid]!, row) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** The list without these rows (each one of its elements), found by binary search when they are few. */
function withoutRows(notes: readonly NoteSummary[], rows: readonly NoteSummary[]): readonly NoteSummary[] {
  if (rows.length === 0) return notes
  const gone = new Set(rows)
  if (rows.length > FEW) return notes.filter((row) => !gone.has(row))
  // The order is total (ties go by id), so each search lands on the row itself.
  const at = rows.map((row) => positionOf(notes, row)).sort((a, b) => a - b)
  const out: NoteSummary[] = []
  let from = 0
  for (const index of at) {
    if (!gone.has(notes[index]!)) continue
    for (let i = from; i < index; i++) out.push(notes[i]!)
    from = index + 1
  }
  for (let i = from; i < notes.length; i++) out.push(notes[i]!)
  return out
}

/** Two lists in newestFirst order as one; `rows` (few, or a page) found their places by binary search. */
function insertSorted(notes: readonly NoteSummary[], rows: readonly NoteSummary[]): readonly NoteSummary[] {
  if (rows.length === 0) return notes
  const out: NoteSummary[] = []
  let from = 0
  for (const row of rows) {
    const at = positionOf(notes, row, from)
    for (let i = from; i < at; i++) out.push(notes[i]!)
    out.push(row)
    from = at
  }
  for (let i = from; i < notes.length; i++) out.push(notes[i]!)
  return out
}
