import { describe, expect, it } from 'vitest'
import type { NoteSummary } from '../../../electron/shared/model'
import { countNotes, type Counts } from './list-view'
import { listOf, patchList } from './library-list'

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
const expectCountsOf = (list: ReturnType<typeof listOf>) => {
  const plain = (counts: Counts) => ({
    ...counts,
    tags: counts.tags.map((t) => ({ ...t, tag: t.tag.toLocaleLowerCase() })),
    tagTally: undefined,
  })
  expect(plain(list.counts)).toEqual(plain(countNotes(list.notes)))
}

describe('patchList', () => {
  const base = listOf([
    row('a', '03', { tags: ['work'] }),
    row('b', '02', { notebookId: 'nb1', tags: ['work', 'q3'] }),
    row('c', '01', { trashedAt: '2025-01-05T00:00:00.000Z' }),
  ])

  it('keeps the list newest first with ties in id order', () => {
    expect(ids(listOf([row('b', '01'), row('c', '02'), row('a', '01')]))).toEqual(['c', 'a', 'b'])
  })

  it('adds a new note where its time puts it and counts it', () => {
    const next = patchList(base, { summaries: [row('d', '04', { notebookId: 'nb1', tags: ['Q3'] })], removed: [] })
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
    const next = patchList(base, {
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
    const trashed = patchList(base, {
      summaries: [row('a', '04', { revision: 2, trashedAt: '2025-01-04T00:00:00.000Z', tags: ['work'] })],
      removed: [],
    })
    expect([trashed.counts.all, trashed.counts.trash]).toEqual([1, 2])
    expectCountsOf(trashed)
    const restored = patchList(trashed, { summaries: [row('a', '05', { revision: 3, tags: ['work'] })], removed: [] })
    expect([restored.counts.all, restored.counts.trash]).toEqual([2, 1])
    expectCountsOf(restored)
  })

  it('takes a removed note out of the list and the counts', () => {
    const next = patchList(base, { summaries: [], removed: ['b', 'c', 'unknown'] })
    expect(ids(next)).toEqual(['a'])
    expect([next.counts.all, next.counts.trash]).toEqual([1, 0])
    expect(next.counts.notebooks.get('nb1')).toBeUndefined()
    expectCountsOf(next)
  })

  it('never lets an older revision replace a newer row (a reply or page overtaken by a later save)', () => {
    const newer = patchList(base, { summaries: [row('a', '06', { revision: 5, title: 'newest' })], removed: [] })
    const stale = patchList(newer, { summaries: [row('a', '04', { revision: 4, title: 'older' })], removed: [] })
    expect(stale).toBe(newer)
    expect(stale.notes[0]!.title).toBe('newest')
  })

  it('keeps the newest of several rows for one note in one batch, and a removal wins over them', () => {
    const batch = patchList(base, {
      summaries: [row('a', '07', { revision: 3, title: 'third' }), row('a', '06', { revision: 2, title: 'second' })],
      removed: [],
    })
    expect(batch.notes[0]!.title).toBe('third')
    expect(ids(patchList(base, { summaries: [row('a', '07', { revision: 3 })], removed: ['a'] }))).toEqual(['b', 'c'])
  })

  it('returns the same list when nothing changed, so nothing re-renders', () => {
    expect(patchList(base, { summaries: [], removed: [] })).toBe(base)
    expect(patchList(base, { summaries: [], removed: ['unknown'] })).toBe(base)
  })
})
