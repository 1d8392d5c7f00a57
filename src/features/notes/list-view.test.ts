import { describe, expect, it } from 'vitest'
import type { NoteSummary } from '../../../electron/shared/model'
import {
  countNotes,
  extendView,
  matchesScope,
  sortNotes,
  suggestTags,
  visibleNotes,
  type ListScope,
} from './list-view'
import { clickSelect, emptySelection, moveFocus, pruneSelection, single } from './selection'

const note = (id: string, over: Partial<NoteSummary> = {}): NoteSummary =>
  ({
    id,
    title: id,
    notebookId: 'inbox',
    tags: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    revision: 1,
    followUp: null,
    doneAt: null,
    archivedAt: null,
    trashedAt: null,
    snippet: '',
    ...over,
  }) as NoteSummary

describe('list views', () => {
  const notes = [
    note('a', {
      tags: ['Sales'],
      updatedAt: '2026-01-03T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    }),
    note('b', {
      notebookId: 'work',
      tags: ['sales', 'q3'],
      updatedAt: '2026-01-02T00:00:00.000Z',
      createdAt: '2026-01-05T00:00:00.000Z',
    }),
    note('c', { tags: ['q3'], trashedAt: '2026-01-04T00:00:00.000Z' }),
  ]

  it('keeps trashed notes out of every view and count except the Trash', () => {
    expect(visibleNotes(notes, { kind: 'all' }, 'updated').map((n) => n.id)).toEqual(['a', 'b'])
    expect(visibleNotes(notes, { kind: 'notebook', id: 'inbox' }, 'updated').map((n) => n.id)).toEqual(['a'])
    expect(visibleNotes(notes, { kind: 'tag', tag: 'SALES' }, 'updated').map((n) => n.id)).toEqual(['a', 'b'])
    expect(visibleNotes(notes, { kind: 'tag', tag: 'q3' }, 'updated').map((n) => n.id)).toEqual(['b'])
    expect(visibleNotes(notes, { kind: 'trash' }, 'updated').map((n) => n.id)).toEqual(['c'])
    // A list known to be newest first keeps its order; any other sort key still sorts it.
    const sorted = [notes[0]!, notes[1]!]
    expect(visibleNotes(sorted, { kind: 'all' }, 'updated', 'en', true)).toEqual(sorted)
    expect(visibleNotes(sorted, { kind: 'all' }, 'created', 'en', true).map((n) => n.id)).toEqual(['b', 'a'])
    const counts = countNotes(notes)
    expect(counts).toMatchObject({ all: 2, trash: 1 })
    expect(Object.fromEntries(counts.notebooks)).toEqual({ inbox: 1, work: 1 })
    expect(counts.tags).toEqual([
      { tag: 'Sales', count: 2 },
      { tag: 'q3', count: 1 },
    ])
    expect(matchesScope({ kind: 'trash' }, notes[0]!)).toBe(false)
  })

  it('sorts by updated, created or title, untitled last and ties stable', () => {
    expect(sortNotes(notes, 'updated').map((n) => n.id)).toEqual(['a', 'b', 'c'])
    expect(sortNotes(notes, 'created').map((n) => n.id)).toEqual(['b', 'a', 'c'])
    const titled = [
      note('1', { title: 'banana' }),
      note('2', { title: '' }),
      note('3', { title: 'Apple 10' }),
      note('4', { title: 'apple 9' }),
    ]
    expect(sortNotes(titled, 'title').map((n) => n.id)).toEqual(['4', '3', '1', '2'])
  })

  it('extends a view with the rows a page added as deriving it from the whole list would', () => {
    // Newest first, as the library's list is, with titles and creation times in other orders.
    const all = Array.from({ length: 40 }, (_, i) =>
      note(`n${String(i).padStart(2, '0')}`, {
        title: i % 7 === 0 ? '' : `Title ${(i * 13) % 17}`,
        updatedAt: new Date(Date.UTC(2026, 1, 1) + (40 - i) * 3_600_000).toISOString(),
        createdAt: `2026-01-${String(((i * 11) % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
        tags: i % 3 === 0 ? ['q3'] : [],
      }),
    )
    const scopes: ListScope[] = [{ kind: 'all' }, { kind: 'tag', tag: 'Q3' }]
    for (const scope of scopes)
      for (const key of ['updated', 'created', 'title'] as const) {
        let view = visibleNotes(all.slice(0, 10), scope, key, 'en', true)
        view = extendView(view, all.slice(10, 25), scope, key, 'en')
        view = extendView(view, all.slice(25), scope, key, 'en')
        expect(view.map((n) => n.id)).toEqual(visibleNotes(all, scope, key, 'en', true).map((n) => n.id))
      }
  })

  it('suggests known tags by prefix, then substring, leaving out ones already on the note', () => {
    const known = ['project', 'prospect', 'improve', 'q3']
    expect(suggestTags(known, 'pro', [])).toEqual(['project', 'prospect', 'improve'])
    expect(suggestTags(known, '#PRO', ['Project'])).toEqual(['prospect', 'improve'])
    expect(suggestTags(known, 'zzz', [])).toEqual([])
    expect(suggestTags(known, '', ['q3'], 2)).toEqual(['project', 'prospect'])
  })
})

describe('selection', () => {
  const order = ['a', 'b', 'c', 'd', 'e']

  it('selects one on click, toggles with Ctrl/Cmd and extends a range with Shift from the anchor', () => {
    let sel = clickSelect(emptySelection, order, 'b', { shift: false, toggle: false })
    expect([...sel.ids]).toEqual(['b'])
    sel = clickSelect(sel, order, 'd', { shift: true, toggle: false })
    expect([...sel.ids]).toEqual(['b', 'c', 'd'])
    sel = clickSelect(sel, order, 'a', { shift: true, toggle: false })
    expect([...sel.ids]).toEqual(['a', 'b'])
    sel = clickSelect(sel, order, 'e', { shift: false, toggle: true })
    expect([...sel.ids].sort()).toEqual(['a', 'b', 'e'])
    sel = clickSelect(sel, order, 'a', { shift: false, toggle: true })
    expect([...sel.ids].sort()).toEqual(['b', 'e'])
  })

  it('moves focus with arrows, Home/End and pages, clamped at both ends', () => {
    expect(moveFocus(order, 'a', 'ArrowUp')).toBe('a')
    expect(moveFocus(order, 'a', 'ArrowDown')).toBe('b')
    expect(moveFocus(order, 'e', 'ArrowDown')).toBe('e')
    expect(moveFocus(order, 'c', 'Home')).toBe('a')
    expect(moveFocus(order, 'c', 'End')).toBe('e')
    expect(moveFocus(order, null, 'ArrowDown')).toBe('a')
    expect(moveFocus(order, 'b', 'PageDown', 2)).toBe('d')
    expect(moveFocus(order, 'b', 'x')).toBeNull()
    expect(moveFocus([], null, 'ArrowDown')).toBeNull()
  })

  it('drops notes that left the list from the selection', () => {
    const sel = { ...single('b'), ids: new Set(['b', 'z']) }
    expect([...pruneSelection(sel, order).ids]).toEqual(['b'])
    const same = single('c')
    expect(pruneSelection(same, order)).toBe(same)
  })
})
