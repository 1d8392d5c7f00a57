import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Board } from '../../shared/board'
import type { Note, NoteSummary } from '../../shared/model'
import { dispatch, type Handlers } from '../../shared/rpc'
import { openFollowUps, type FollowUpService } from '../followups/service'
import { RecordingNotifier } from '../followups/scheduler'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import type { Library } from '../types'
import { createBoardHandlers } from './handlers'

const NOW = new Date('2025-03-06T05:00:00Z')
const tempDir = useTempDirs()
const open: { library: Library; followUps: FollowUpService }[] = []
afterEach(async () => {
  for (const o of open.splice(0)) {
    o.followUps.stop()
    await o.library.close()
  }
})

async function setUp(dir = tempDir()) {
  const library = await openLibrary(dir, { now: () => NOW })
  const followUps = await openFollowUps(library, {
    clock: { now: () => NOW },
    notifier: new RecordingNotifier(),
    timeZone: () => 'Asia/Seoul',
  })
  open.push({ library, followUps })
  const handlers = createBoardHandlers(library, followUps) as Handlers
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const envelope = await dispatch(handlers, name, input)
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value as T
  }
  const board = () =>
    call<Board>('boards.create', {
      name: 'Launch',
      columns: [
        { name: 'To do', done: false },
        { name: 'Waiting', done: false },
        { name: 'Done', done: true },
      ],
    })
  const titles = async (b: Board, columnIndex: number) =>
    (await call<NoteSummary[]>('boards.cards', { id: b.id }))
      .filter((c) => c.board?.columnId === b.columns[columnIndex]!.id)
      .map((c) => c.title)
  const add = (b: Board, col: number, title: string, at: 'top' | 'bottom' = 'bottom') =>
    call<Note>('cards.add', { boardId: b.id, columnId: b.columns[col]!.id, title, at })
  return { dir, library, followUps, call, board, titles, add }
}

/** Lets the write queue and the column-sync listener finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

describe('boards', () => {
  it('creates, renames, archives and lists boards; bad input changes nothing', async () => {
    const { call, board } = await setUp()
    const b = await board()
    expect(b.columns.map((c) => [c.name, c.done])).toEqual([['To do', false], ['Waiting', false], ['Done', true]])
    expect((await call<Board>('boards.rename', { id: b.id, name: '  Launch v2 ' })).name).toBe('Launch v2')
    expect((await call<Board>('boards.archive', { id: b.id, archived: true })).archivedAt).toBe(NOW.toISOString())
    await expect(call('boards.rename', { id: b.id, name: '   ' })).rejects.toThrow(/BAD_INPUT/)
    await expect(call('boards.rename', { id: 'nope', name: 'x' })).rejects.toThrow(/NOT_FOUND/)
    await expect(call('boards.create', { name: 'Empty', columns: [] })).rejects.toThrow(/BAD_INPUT/)
    expect((await call<Board[]>('boards.list', {})).map((x) => x.name)).toEqual(['Launch v2'])
  })

  it('adds cards at top and bottom; one move writes exactly one note; order survives a reopen', async () => {
    const s = await setUp()
    const b = await s.board()
    const a = await s.add(b, 0, 'A')
    await s.add(b, 0, 'B')
    const c = await s.add(b, 0, 'C')
    await s.add(b, 0, 'Top', 'top')
    expect(await s.titles(b, 0)).toEqual(['Top', 'A', 'B', 'C'])
    const before = new Map(s.library.listNotes().map((n) => [n.id, n.revision]))
    // C between Top and A.
    const top = s.library.listNotes().find((n) => n.title === 'Top')!
    await s.call('cards.move', { id: c.id, boardId: b.id, columnId: b.columns[0]!.id, afterId: top.id, beforeId: a.id })
    const after = s.library.listNotes()
    expect(after.filter((n) => n.revision !== before.get(n.id)).map((n) => n.title)).toEqual(['C'])
    // A into Waiting (empty column).
    await s.call('cards.move', { id: a.id, boardId: b.id, columnId: b.columns[1]!.id, afterId: null, beforeId: null })
    expect(await s.titles(b, 0)).toEqual(['Top', 'C', 'B'])
    expect(await s.titles(b, 1)).toEqual(['A'])
    await settle()
    const { followUps, library } = open.pop()!
    followUps.stop()
    await library.close()
    const again = await setUp(s.dir)
    expect(await again.titles(b, 0)).toEqual(['Top', 'C', 'B'])
    expect(await again.titles(b, 1)).toEqual(['A'])
  })

  it('a stale or impossible drop is refused and moves nothing', async () => {
    const s = await setUp()
    const b = await s.board()
    const a = await s.add(b, 0, 'A')
    const other = await s.add(b, 1, 'Elsewhere')
    const col0 = b.columns[0]!.id
    await expect(s.call('cards.move', { id: a.id, boardId: b.id, columnId: col0, afterId: other.id, beforeId: null })).rejects.toThrow(/CONFLICT/)
    await expect(s.call('cards.move', { id: a.id, boardId: b.id, columnId: 'nocol', afterId: null, beforeId: null })).rejects.toThrow(/NOT_FOUND/)
    await expect(s.call('cards.move', { id: a.id, boardId: 'nob', columnId: col0, afterId: null, beforeId: null })).rejects.toThrow(/NOT_FOUND/)
    await s.library.mutateNote(a.id, (n) => ({ ...n, trashedAt: NOW.toISOString() }))
    await expect(s.call('cards.move', { id: a.id, boardId: b.id, columnId: col0, afterId: null, beforeId: null })).rejects.toThrow(/Trash/)
    expect(await s.titles(b, 0)).toEqual([]) // trashed cards are not shown on the board
  })
})

describe('done means done', () => {
  it('moving into Done ends the follow-up through the engine; moving out reopens', async () => {
    const s = await setUp()
    const b = await s.board()
    const card = await s.add(b, 0, 'Call supplier')
    await s.followUps.actions.set({ id: card.id, phrase: 'tomorrow 9am' })
    const done = await s.call<Note>('cards.move', { id: card.id, boardId: b.id, columnId: b.columns[2]!.id, afterId: null, beforeId: null })
    expect(done.doneAt).not.toBeNull()
    expect(done.followUp).toBeNull()
    expect(done.history.map((h) => h.kind)).toEqual(['followup-set', 'done'])
    expect(s.followUps.actions.view().counts.upcoming).toBe(0)
    const back = await s.call<Note>('cards.move', { id: card.id, boardId: b.id, columnId: b.columns[1]!.id, afterId: null, beforeId: null })
    expect(back.doneAt).toBeNull()
    expect(back.history.at(-1)?.kind).toBe('reopened')
  })

  it('done or reopened elsewhere moves the card to the matching column', async () => {
    const s = await setUp()
    const b = await s.board()
    await s.add(b, 2, 'Already done')
    const card = await s.add(b, 1, 'Waiting on Kim')
    await s.followUps.actions.done(card.id)
    // The sync runs after the save's change event; poll rather than guess how long a loaded machine takes.
    await expect.poll(() => s.titles(b, 2)).toEqual(['Waiting on Kim', 'Already done'])
    await s.followUps.actions.reopen(card.id)
    await expect.poll(() => s.titles(b, 0)).toEqual(['Waiting on Kim'])
    expect(await s.titles(b, 2)).toEqual(['Already done'])
  })

  it('a board without a done column never changes done state', async () => {
    const s = await setUp()
    const b = await s.call<Board>('boards.create', { name: 'Ideas', columns: [{ name: 'Maybe', done: false }, { name: 'Later', done: false }] })
    const card = await s.add(b, 0, 'Idea')
    await s.followUps.actions.done(card.id)
    await settle()
    const moved = await s.call<Note>('cards.move', { id: card.id, boardId: b.id, columnId: b.columns[1]!.id, afterId: null, beforeId: null })
    expect(moved.doneAt).not.toBeNull()
    expect(await s.titles(b, 1)).toEqual(['Idea'])
  })

  it('turning a column into a done column marks its cards done', async () => {
    const s = await setUp()
    const b = await s.board()
    const card = await s.add(b, 1, 'Shipped')
    await s.call('boards.updateColumn', { id: b.id, columnId: b.columns[1]!.id, done: true, wipLimit: 3 })
    expect((await s.library.getNote(card.id)).doneAt).not.toBeNull()
  })
})

describe('columns and deleting', () => {
  it('reorders, renames and deletes columns, sending the cards where asked', async () => {
    const s = await setUp()
    const b = await s.board()
    await s.add(b, 0, 'One')
    await s.add(b, 0, 'Two')
    await s.add(b, 2, 'Finished')
    const moved = await s.call<Board>('boards.moveColumn', { id: b.id, columnId: b.columns[2]!.id, toIndex: 0 })
    expect(moved.columns.map((c) => c.name)).toEqual(['Done', 'To do', 'Waiting'])
    const { board, moved: count } = await s.call<{ board: Board; moved: number }>('boards.deleteColumn', {
      id: b.id,
      columnId: b.columns[0]!.id,
      moveTo: b.columns[2]!.id,
    })
    expect(count).toBe(2)
    expect(board.columns.map((c) => c.name)).toEqual(['Done', 'Waiting'])
    expect(await s.titles(board, 0)).toEqual(['Finished', 'One', 'Two'])
    const notes = s.library.listNotes()
    expect(notes.every((n) => n.doneAt !== null)).toBe(true) // landing in Done is a move into Done
    await s.call('boards.deleteColumn', { id: b.id, columnId: b.columns[1]!.id, moveTo: null })
    await expect(s.call('boards.deleteColumn', { id: b.id, columnId: b.columns[2]!.id, moveTo: null })).rejects.toThrow(/at least one column/)
    await expect(s.call('boards.deleteColumn', { id: b.id, columnId: 'x', moveTo: null })).rejects.toThrow(/NOT_FOUND/)
  })

  it('deleting a board takes its notes off it and never deletes a note', async () => {
    const s = await setUp()
    const b = await s.board()
    await s.add(b, 0, 'Keep me')
    const trashed = await s.add(b, 1, 'In the trash')
    await s.library.mutateNote(trashed.id, (n) => ({ ...n, trashedAt: NOW.toISOString() }))
    expect(await s.call('boards.delete', { id: b.id })).toEqual({ count: 2 })
    const notes = s.library.listNotes()
    expect(notes.map((n) => [n.title, n.board])).toEqual(expect.arrayContaining([['Keep me', null], ['In the trash', null]]))
    expect(await s.call<Board[]>('boards.list', {})).toEqual([])
  })

  it('archives a card and puts a note on a board from the note view, then takes it off', async () => {
    const s = await setUp()
    const b = await s.board()
    const note = await s.library.createNote({ title: 'Loose note' })
    await s.call('cards.place', { id: note.id, boardId: b.id, columnId: b.columns[1]!.id })
    expect(await s.titles(b, 1)).toEqual(['Loose note'])
    expect((await s.call<Note>('cards.archive', { id: note.id, archived: true })).archivedAt).toBe(NOW.toISOString())
    expect((await s.call<Note>('cards.remove', { id: note.id })).board).toBeNull()
    expect(await s.titles(b, 1)).toEqual([])
  })

  it('rejects an unknown default standard; a known one is stored on the board', async () => {
    const s = await setUp()
    const b = await s.board()
    await expect(s.call('boards.setDefaultStandard', { id: b.id, standard: 'no-such' })).rejects.toThrow(/NOT_FOUND/)
    const standard = s.followUps.settings.standards()[0]!.id
    expect((await s.call<Board>('boards.setDefaultStandard', { id: b.id, standard })).defaultStandard).toBe(standard)
  })

  it('an unreadable boards.json is moved aside, not overwritten', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'boards.json'), '{ not json')
    const s = await setUp(dir)
    expect(await s.call<Board[]>('boards.list', {})).toEqual([])
    expect(readdirSync(join(dir, 'corrupt')).some((f) => f.startsWith('boards.'))).toBe(true)
  })
})

describe('concurrent drops', () => {
  it('two drops sent at once both land where asked (ranks are computed in the write queue)', async () => {
    const s = await setUp()
    const b = await s.board()
    const col = b.columns[0]!.id
    const [a, x, y] = [await s.add(b, 0, 'A'), await s.add(b, 0, 'X'), await s.add(b, 0, 'Y')]
    // Both dropped right after A without waiting: Y then X, so X ends up first after A.
    await Promise.all([
      s.call('cards.move', { id: y.id, boardId: b.id, columnId: col, afterId: a.id, beforeId: x.id }),
      s.call('cards.move', { id: x.id, boardId: b.id, columnId: col, afterId: a.id, beforeId: y.id }),
    ])
    expect(await s.titles(b, 0)).toEqual(['A', 'X', 'Y'])
    const ranks = s.library.listNotes().map((n) => n.board!.rank)
    expect(new Set(ranks).size).toBe(3)
  })
})
