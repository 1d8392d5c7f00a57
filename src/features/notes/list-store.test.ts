import { describe, expect, it } from 'vitest'
import type { NoteSummary } from '../../../electron/shared/model'
import { countNotes, visibleNotes, type Counts, type ListScope } from './list-view'
import { NoteListStore, viewOfList, type LibraryList } from './list-store'

const row = (id: string, updatedAt: string, extra: Partial<NoteSummary> = {}): NoteSummary => ({
  id,
  title: id,
  notebookId: 'inbox',
  tags: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: `2025-01-${updatedAt}T00:00:00.000Z`,
  revision: 1,
  followUp: null,
  doneAt: null,
  archivedAt: null,
  trashedAt: null,
  board: null,
  snippet: '',
  tasks: { done: 0, total: 0 },
  media: { images: 0, files: 0 },
  links: [],
  ...extra,
})

const ids = (list: { notes: readonly NoteSummary[] }) => list.notes.map((n) => n.id)
/** The patched counts must be what counting the patched list from scratch gives (a tag's spelling aside). */
const expectCountsOf = (list: LibraryList) => {
  const plain = (counts: Counts) => ({
    ...counts,
    tags: counts.tags.map((t) => ({ ...t, tag: t.tag.toLocaleLowerCase() })),
    tagTally: undefined,
  })
  expect(plain(list.counts)).toEqual(plain(countNotes(list.notes)))
}

/** A store holding these rows, loaded as one page in list order. */
function storeOf(rows: NoteSummary[]) {
  const store = new NoteListStore()
  store.beginLoad()
  store.append(
    [...rows].sort((a, b) =>
      a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1,
    ),
  )
  store.endLoad()
  return store
}

describe('patching the list from library.changed', () => {
  const base = () =>
    storeOf([
      row('a', '03', { tags: ['work'] }),
      row('b', '02', { notebookId: 'nb1', tags: ['work', 'q3'] }),
      row('c', '01', { trashedAt: '2025-01-05T00:00:00.000Z' }),
    ])

  it('adds a new note where its time puts it and counts it', () => {
    const next = base().patch({
      summaries: [row('d', '04', { notebookId: 'nb1', tags: ['Q3'] })],
      removed: [],
    })
    expect(ids(next)).toEqual(['d', 'a', 'b', 'c'])
    expect(next.counts.all).toBe(3)
    expect(next.counts.notebooks.get('nb1')).toBe(2)
    expect(next.counts.tags).toEqual([
      { tag: 'q3', count: 2 },
      { tag: 'work', count: 2 },
    ])
    expectCountsOf(next)
  })

  it('moves a changed note to its new place and recounts what changed about it', () => {
    const next = base().patch({
      summaries: [row('b', '05', { revision: 2, notebookId: 'inbox', tags: [], title: 'renamed' })],
      removed: [],
    })
    expect(ids(next)).toEqual(['b', 'a', 'c'])
    expect(next.notes[0]!.title).toBe('renamed')
    expect(next.counts.notebooks.get('nb1')).toBeUndefined()
    expect(next.counts.tags).toEqual([{ tag: 'work', count: 1 }])
    expectCountsOf(next)
  })

  it('counts a note moved to the Trash and back', () => {
    const store = base()
    const trashed = store.patch({
      summaries: [row('a', '04', { revision: 2, trashedAt: '2025-01-04T00:00:00.000Z', tags: ['work'] })],
      removed: [],
    })
    expect([trashed.counts.all, trashed.counts.trash]).toEqual([1, 2])
    expectCountsOf(trashed)
    const restored = store.patch({
      summaries: [row('a', '05', { revision: 3, tags: ['work'] })],
      removed: [],
    })
    expect([restored.counts.all, restored.counts.trash]).toEqual([2, 1])
    expectCountsOf(restored)
  })

  it('takes a removed note out of the list and the counts', () => {
    const next = base().patch({ summaries: [], removed: ['b', 'c', 'unknown'] })
    expect(ids(next)).toEqual(['a'])
    expect([next.counts.all, next.counts.trash]).toEqual([1, 0])
    expect(next.counts.notebooks.get('nb1')).toBeUndefined()
    expectCountsOf(next)
  })

  it('never lets an older revision replace a newer row (a reply or page overtaken by a later save)', () => {
    const store = base()
    const newer = store.patch({ summaries: [row('a', '06', { revision: 5, title: 'newest' })], removed: [] })
    const stale = store.patch({ summaries: [row('a', '04', { revision: 4, title: 'older' })], removed: [] })
    expect(stale).toBe(newer)
    expect(stale.notes[0]!.title).toBe('newest')
  })

  it('keeps the newest of several rows for one note in one batch, and a removal wins over them', () => {
    const batch = base().patch({
      summaries: [
        row('a', '07', { revision: 3, title: 'third' }),
        row('a', '06', { revision: 2, title: 'second' }),
      ],
      removed: [],
    })
    expect(batch.notes[0]!.title).toBe('third')
    expect(ids(base().patch({ summaries: [row('a', '07', { revision: 3 })], removed: ['a'] }))).toEqual([
      'b',
      'c',
    ])
  })

  it('returns the same list when nothing changed, so nothing re-renders', () => {
    const store = base()
    const before = store.list
    expect(store.patch({ summaries: [], removed: [] })).toBe(before)
    expect(store.patch({ summaries: [], removed: ['unknown'] })).toBe(before)
  })

  it('moves many notes at once (a bulk move) in one pass, as moving them one by one would', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(`n${String(i).padStart(3, '0')}`, '01'))
    const store = storeOf(rows)
    const moved = rows.filter((_, i) => i % 2 === 0).map((r) => ({ ...r, revision: 2, notebookId: 'nb1' }))
    const removed = new Set(rows.filter((_, i) => i % 3 === 1).map((r) => r.id))
    const next = store.patch({ summaries: moved, removed: [...removed] })
    const one = storeOf(rows)
    for (const r of moved) one.patch({ summaries: [r], removed: [] })
    for (const id of removed) one.patch({ summaries: [], removed: [id] })
    expect(ids(next)).toEqual(ids(one.list))
    expect(next.notes).toHaveLength(200)
    expect(next.counts.notebooks.get('nb1')).toBe(moved.filter((r) => !removed.has(r.id)).length)
    expectCountsOf(next)
  })
})

describe('loading the list in pages', () => {
  // Pages as the library answers them: newest first, each after the last row of the one before.
  const rows = ['09', '08', '07', '06', '05', '04', '03', '02'].map((day, i) =>
    row(`p${i}`, day, { tags: i % 2 ? ['odd'] : [], notebookId: i < 4 ? 'inbox' : 'nb1' }),
  )
  const pages = [rows.slice(0, 2), rows.slice(2, 5), rows.slice(5)]

  it('appends pages in order, saying the list only grew, so a view can extend itself', () => {
    const store = new NoteListStore()
    store.beginLoad()
    const first = store.append(pages[0]!)
    expect(first.grewFrom).toEqual([])
    const second = store.append(pages[1]!)
    expect(second.grewFrom).toBe(first.notes)
    const third = store.append(pages[2]!)
    store.endLoad()
    expect(ids(third)).toEqual(rows.map((r) => r.id))
    expect(third.counts.notebooks.get('nb1')).toBe(4)
    expectCountsOf(third)
  })

  it('merges a page into a row a change put past its start (a synced note with an older time)', () => {
    const store = new NoteListStore()
    store.beginLoad()
    store.append(pages[0]!)
    // Written elsewhere with a time among the next page's rows, heard of before that page arrived.
    const synced = row('zz', '06', { revision: 3 })
    store.patch({ summaries: [synced], removed: [] })
    const next = store.append(pages[1]!)
    expect(next.grewFrom).toBeNull()
    store.append(pages[2]!)
    expect(ids(store.list)).toEqual(['p0', 'p1', 'p2', 'p3', 'zz', 'p4', 'p5', 'p6', 'p7'])
    expectCountsOf(store.list)
  })

  it('keeps a save heard of during the load over the older row a later page still carries', () => {
    const store = new NoteListStore()
    store.beginLoad()
    store.append(pages[0]!)
    // p6 is saved (and moves to the top) before its page, read earlier, arrives.
    store.patch({ summaries: [row('p6', '10', { revision: 2, title: 'saved' })], removed: [] })
    store.append(pages[1]!)
    const last = store.append(pages[2]!)
    expect(ids(last)).toEqual(['p6', 'p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p7'])
    expect(last.notes[0]!.title).toBe('saved')
    expectCountsOf(last)
    // And a page read after a save the list has not heard of yet brings that newer row in its place.
    const other = new NoteListStore()
    other.beginLoad()
    other.append([row('p0', '09', { revision: 1 })])
    other.patch({ summaries: [row('p0', '09', { revision: 1, title: 'old' })], removed: [] })
    const page = other.append([row('p0', '09', { revision: 2, title: 'new' })])
    expect(page.notes.map((n) => n.title)).toEqual(['new'])
  })

  it('does not bring back a note deleted during the load from a page read before the deletion', () => {
    const store = new NoteListStore()
    store.beginLoad()
    store.append(pages[0]!)
    // Deleted before its page arrives, and one already shown deleted too.
    store.patch({ summaries: [], removed: ['p3', 'p0'] })
    store.append(pages[1]!)
    const last = store.append(pages[2]!)
    store.endLoad()
    expect(ids(last)).toEqual(['p1', 'p2', 'p4', 'p5', 'p6', 'p7'])
    expectCountsOf(last)
  })

  it('starts afresh on a new load', () => {
    const store = storeOf(rows)
    store.beginLoad()
    expect(store.list.notes).toEqual([])
    expect(ids(store.append(pages[0]!))).toEqual(['p0', 'p1'])
    expect(store.list.counts.all).toBe(2)
  })
})

describe('the view of the list while it loads and changes', () => {
  const rows = Array.from({ length: 30 }, (_, i) =>
    row(`v${String(i).padStart(2, '0')}`, String(30 - i).padStart(2, '0'), {
      title: `T${(i * 7) % 11}`,
      notebookId: i % 2 ? 'nb1' : 'inbox',
    }),
  )

  it('is what filtering and sorting the whole list gives, after pages, a change and a new scope', () => {
    const nb1: ListScope = { kind: 'notebook', id: 'nb1' }
    for (const sort of ['updated', 'title'] as const) {
      const store = new NoteListStore()
      const view = viewOfList()
      const expectView = (scope: ListScope) =>
        expect(view(store.list, scope, sort, 'en').map((n) => n.id)).toEqual(
          visibleNotes(store.list.notes, scope, sort, 'en').map((n) => n.id),
        )
      store.beginLoad()
      store.append(rows.slice(0, 5))
      expectView(nb1)
      store.append(rows.slice(5, 12))
      expectView(nb1) // extended by the page
      store.patch({
        summaries: [{ ...rows[2]!, revision: 2, notebookId: 'nb1', updatedAt: '2025-02-01T00:00:00.000Z' }],
        removed: ['v05'],
      })
      expectView(nb1) // derived again after a change
      store.append(rows.slice(12))
      expectView(nb1)
      expectView({ kind: 'all' })
      store.endLoad()
    }
  })
})
