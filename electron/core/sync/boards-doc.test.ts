import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { Board, Column } from '../../shared/board'
import { absorbBoards, readBoards } from './boards-doc'

const NOW = '2026-01-05T10:00:00.000Z'
const col = (id: string, extra: Partial<Column> = {}): Column => ({
  id,
  name: id.toUpperCase(),
  done: false,
  wipLimit: null,
  ...extra,
})
const board = (columns: Column[], extra: Partial<Board> = {}): Board => ({
  id: 'b1',
  name: 'Sales',
  createdAt: NOW,
  archivedAt: null,
  columns,
  defaultStandard: null,
  ...extra,
})

/** Two devices' copies of one doc, starting from `start`; `exchange` delivers each side's changes. */
function twoCopies(start: Board[]) {
  const a = new Y.Doc()
  absorbBoards(a, start, false, NOW)
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  const exchange = () => {
    const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
    const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
    Y.applyUpdate(b, toB)
    Y.applyUpdate(a, toA)
  }
  return { a, b, exchange }
}

const only = (doc: Y.Doc) => readBoards(doc).boards[0]!
const order = (doc: Y.Doc) => only(doc).columns.map((c) => c.id)

describe('boards doc', () => {
  it('reads back exactly the boards recorded, ids, order, limits, done flag and label colours kept', () => {
    const doc = new Y.Doc()
    const written = board([col('todo'), col('doing', { wipLimit: 3 }), col('done', { done: true })], {
      labelColors: { urgent: 'red_dark' },
      defaultStandard: 'sales-lead',
      archivedAt: NOW,
    })
    absorbBoards(doc, [written], false, NOW)
    expect(readBoards(doc).boards).toEqual([written])
  })

  it('records nothing when the board is as the doc already says', () => {
    const doc = new Y.Doc()
    absorbBoards(doc, [board([col('x'), col('y')])], false, NOW)
    let updates = 0
    doc.on('update', () => updates++)
    absorbBoards(doc, [board([col('x'), col('y')])], false, NOW)
    expect(updates).toBe(0)
  })

  it('keeps a rename on one device and a new column and WIP limit on the other', () => {
    const { a, b, exchange } = twoCopies([board([col('x'), col('y')])])
    absorbBoards(a, [board([col('x'), col('y')], { name: 'Pipeline' })], false, NOW)
    absorbBoards(b, [board([col('x', { wipLimit: 5 }), col('y'), col('z')])], false, NOW)
    exchange()
    expect(only(a)).toEqual(only(b))
    expect(only(a).name).toBe('Pipeline')
    expect(only(a).columns).toEqual([col('x', { wipLimit: 5 }), col('y'), col('z')])
  })

  it('converges two concurrent renames of the same board on one of them', () => {
    const { a, b, exchange } = twoCopies([board([col('x')])])
    absorbBoards(a, [board([col('x')], { name: 'From A' })], false, NOW)
    absorbBoards(b, [board([col('x')], { name: 'From B' })], false, NOW)
    exchange()
    expect(only(a)).toEqual(only(b))
    expect(['From A', 'From B']).toContain(only(a).name)
  })

  it('keeps both of two concurrent column moves of different columns, and agrees on the order', () => {
    const { a, b, exchange } = twoCopies([board(['p', 'q', 'r', 's'].map((id) => col(id)))])
    // A moves s to the front; B moves p to the end.
    absorbBoards(a, [board(['s', 'p', 'q', 'r'].map((id) => col(id)))], false, NOW)
    absorbBoards(b, [board(['q', 'r', 's', 'p'].map((id) => col(id)))], false, NOW)
    exchange()
    expect(order(a)).toEqual(order(b))
    expect(order(a)).toEqual(['s', 'q', 'r', 'p'])
  })

  it('rewrites only the moved column, not its neighbours', () => {
    const doc = new Y.Doc()
    absorbBoards(doc, [board(['p', 'q', 'r'].map((id) => col(id)))], false, NOW)
    const before = Y.encodeStateVector(doc)
    absorbBoards(doc, [board(['q', 'r', 'p'].map((id) => col(id)))], false, NOW)
    // One field set in one column: a handful of bytes, not the whole column list again.
    expect(Y.encodeStateAsUpdate(doc, before).byteLength).toBeLessThan(60)
    expect(order(doc)).toEqual(['q', 'r', 'p'])
  })

  it('lets a delete win over a concurrent rename, and records what was deleted', () => {
    const { a, b, exchange } = twoCopies([board([col('x'), col('y')]), board([col('k')], { id: 'b2' })])
    absorbBoards(a, [board([col('x')], { id: 'b1' })], false, NOW) // b2 deleted, column y deleted
    absorbBoards(
      b,
      [board([col('x'), col('y', { name: 'Renamed' })]), board([col('k')], { id: 'b2', name: 'Renamed' })],
      false,
      NOW,
    )
    exchange()
    for (const doc of [a, b]) {
      const view = readBoards(doc)
      expect(view.boards.map((x) => x.id)).toEqual(['b1'])
      expect(view.boards[0]!.columns.map((c) => c.id)).toEqual(['x'])
      expect(view.deletedBoards).toEqual(new Set(['b2']))
      expect(view.deletedColumns.get('b1')).toEqual(new Set(['y']))
    }
  })

  it('adds only, the first time, so an older copy never undoes the folder or brings a deleted board back', () => {
    const { a, b, exchange } = twoCopies([board([col('x')]), board([col('k')], { id: 'b2' })])
    absorbBoards(a, [board([col('x')], { name: 'Newer' })], false, NOW)
    exchange()
    // b's library still holds the old copy of both boards, and one board of its own.
    absorbBoards(
      b,
      [board([col('x')]), board([col('k')], { id: 'b2' }), board([col('m')], { id: 'b3' })],
      true,
      NOW,
    )
    const view = readBoards(b)
    expect(view.boards.map((x) => [x.id, x.name])).toEqual([
      ['b1', 'Newer'],
      ['b3', 'Sales'],
    ])
    expect(view.deletedBoards).toEqual(new Set(['b2']))
  })

  it('leaves out a board another device wrote badly instead of applying it', () => {
    const doc = new Y.Doc()
    absorbBoards(doc, [board([col('x')]), board([col('y')], { id: 'b2' })], false, NOW)
    doc.getMap<Y.Map<unknown>>('boards').get('b2')!.set('name', '')
    expect(readBoards(doc).boards.map((x) => x.id)).toEqual(['b1'])
  })
})
