import { describe, expect, it } from 'vitest'
import type { Board } from '../../../electron/shared/board'
import type { NoteSummary } from '../../../electron/shared/model'
import {
  dueState,
  groupCards,
  matches,
  moveCard,
  NO_FILTER,
  placeAfter,
  sameJson,
  shareCards,
  shareColumns,
  visibleColumns,
} from './board-state'

const board: Board = {
  id: 'b',
  name: 'B',
  createdAt: '2025-01-01T00:00:00.000Z',
  archivedAt: null,
  defaultStandard: null,
  columns: [
    { id: 'todo', name: 'To do', done: false, wipLimit: null },
    { id: 'done', name: 'Done', done: true, wipLimit: null },
  ],
}

const card = (id: string, columnId: string, extra: Partial<NoteSummary> = {}): NoteSummary => ({
  id,
  title: id,
  notebookId: 'inbox',
  tags: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  revision: 1,
  followUp: null,
  doneAt: null,
  archivedAt: null,
  trashedAt: null,
  board: { boardId: 'b', columnId, rank: 'a0' },
  snippet: '',
  tasks: { done: 0, total: 0 },
  media: { images: 0, files: 0 },
  links: [],
  ...extra,
})

describe('board state', () => {
  it('groups by column and keeps a card of a vanished column in the first one', () => {
    expect(groupCards(board, [card('a', 'todo'), card('b', 'gone'), card('c', 'done')])).toEqual({
      todo: ['a', 'b'],
      done: ['c'],
    })
  })

  it('moves within and between columns, clamping the index', () => {
    const cols = { todo: ['a', 'b', 'c'], done: [] }
    expect(moveCard(cols, 'a', 'todo', 2)).toEqual({ todo: ['b', 'c', 'a'], done: [] })
    expect(moveCard(cols, 'b', 'done', 99)).toEqual({ todo: ['a', 'c'], done: ['b'] })
    expect(moveCard(cols, 'zz', 'done', 0)).toBe(cols) // unknown card: nothing changes
  })

  it('a drop in a filtered view lands next to the visible neighbour, hidden cards keep their places', () => {
    const cols = { todo: ['a', 'hidden', 'b', 'c'], done: [] }
    expect(placeAfter(cols, 'c', 'todo', 'a', 'b').todo).toEqual(['a', 'c', 'hidden', 'b'])
    expect(placeAfter(cols, 'a', 'done', null, null)).toEqual({ todo: ['hidden', 'b', 'c'], done: ['a'] })
    expect(placeAfter(cols, 'a', 'todo', null, 'c').todo).toEqual(['hidden', 'b', 'a', 'c'])
  })

  it('reads overdue / today / upcoming, and nothing for done or archived notes', () => {
    const now = new Date(2025, 2, 6, 14, 0)
    const due = (d: Date) => ({
      followUp: { dueAt: d.toISOString(), waitingOn: null, owner: null, attempt: 1, standard: null },
    })
    expect(dueState(card('x', 'todo', due(new Date(2025, 2, 6, 9))), now)).toBe('overdue')
    expect(dueState(card('x', 'todo', due(new Date(2025, 2, 6, 23))), now)).toBe('today')
    expect(dueState(card('x', 'todo', due(new Date(2025, 2, 7, 9))), now)).toBe('upcoming')
    expect(
      dueState(card('x', 'todo', { ...due(new Date(2025, 2, 6, 9)), doneAt: now.toISOString() }), now),
    ).toBeNull()
  })

  it('filters by text, tag, due state and hides archived cards unless asked', () => {
    const now = new Date()
    const c = card('Quote for ACME', 'todo', { tags: ['Sales'], snippet: 'price list' })
    expect(matches(c, { ...NO_FILTER, text: 'PRICE' }, now)).toBe(true)
    expect(matches(c, { ...NO_FILTER, text: 'nope' }, now)).toBe(false)
    expect(matches(c, { ...NO_FILTER, tag: 'sales' }, now)).toBe(true)
    expect(matches(c, { ...NO_FILTER, due: 'none' }, now)).toBe(true)
    expect(matches(c, { ...NO_FILTER, due: 'overdue' }, now)).toBe(false)
    const archived = { ...c, archivedAt: now.toISOString() }
    expect(matches(archived, NO_FILTER, now)).toBe(false)
    expect(matches(archived, { ...NO_FILTER, showArchived: true }, now)).toBe(true)
  })
})

describe('sharing unchanged state between reloads', () => {
  it('keeps the arrays of columns that did not change, and the whole object when none did', () => {
    const prev = { todo: ['a', 'b'], done: ['c'] }
    expect(shareColumns(prev, { todo: ['a', 'b'], done: ['c'] })).toBe(prev)
    const next = shareColumns(prev, { todo: ['b', 'a'], done: ['c'] })
    expect(next).toEqual({ todo: ['b', 'a'], done: ['c'] })
    expect(next.done).toBe(prev.done)
    expect(shareColumns(prev, { todo: ['a', 'b'] })).toEqual({ todo: ['a', 'b'] })
  })

  it('keeps the objects of cards that did not change, and the whole map when none did', () => {
    const a = card('a', 'todo', { tags: ['x'] })
    const b = card('b', 'todo')
    const prev = new Map([
      ['a', a],
      ['b', b],
    ])
    expect(shareCards(prev, [structuredClone(a), structuredClone(b)])).toBe(prev)
    const edited = { ...structuredClone(b), title: 'B2' }
    const next = shareCards(prev, [structuredClone(a), edited])
    expect(next.get('a')).toBe(a)
    expect(next.get('b')).toBe(edited)
    expect([...shareCards(prev, [structuredClone(a)]).keys()]).toEqual(['a'])
  })

  it('compares JSON-shaped values structurally', () => {
    expect(sameJson({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true)
    expect(sameJson({ a: [1] }, { a: [1, 2] })).toBe(false)
    expect(sameJson({ a: 1 }, { b: 1 })).toBe(false)
    expect(sameJson([], {})).toBe(false)
  })

  it('a column the filter leaves whole keeps its array', () => {
    const cards = new Map([
      ['a', card('a', 'todo')],
      ['b', card('b', 'todo', { archivedAt: '2025-01-02T00:00:00.000Z' })],
      ['c', card('c', 'done')],
    ])
    const order = { todo: ['a', 'b'], done: ['c'] }
    const visible = visibleColumns(order, cards, NO_FILTER, new Date())
    expect(visible.todo).toEqual(['a'])
    expect(visible.done).toBe(order.done)
  })
})
