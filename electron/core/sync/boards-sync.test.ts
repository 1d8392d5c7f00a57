import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBoardStore } from '../boards/store'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import { openDevice, type TestDevice } from './test-devices'

const tempDir = useTempDirs()

async function pair(): Promise<[TestDevice, TestDevice]> {
  const root = tempDir()
  const folder = join(root, 'Sync')
  return [await openDevice(root, 'a', folder), await openDevice(root, 'b', folder)]
}

async function settle(...devices: TestDevice[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const d of devices) await d.engine.pass()
}

/** A fresh read of boards.json, as the app would open it. */
const boardsOf = async (d: TestDevice) => (await d.stores.boards()).list()
const store = (d: TestDevice) => d.stores.boards()
const COLUMNS = [
  { name: 'To do', done: false },
  { name: 'Doing', done: false },
  { name: 'Done', done: true },
]

describe('sync: boards and their columns', () => {
  it('brings a board to the other device with the same ids, and its changes back', async () => {
    const [a, b] = await pair()
    const made = await (await store(a)).create('Sales', COLUMNS, a.lib.now(), { urgent: 'red' })
    await settle(a, b)
    expect(await boardsOf(b)).toEqual([made])
    const [todo, doing, done] = made.columns
    await (
      await store(b)
    ).update(made.id, (x) => ({
      ...x,
      name: 'Pipeline',
      archivedAt: '2026-02-01T00:00:00.000Z',
      columns: [doing!, { ...todo!, wipLimit: 4 }, done!],
    }))
    await settle(a, b)
    const there = (await boardsOf(a))[0]!
    expect(there).toEqual((await boardsOf(b))[0])
    expect(there.name).toBe('Pipeline')
    expect(there.archivedAt).toBe('2026-02-01T00:00:00.000Z')
    expect(there.columns.map((c) => [c.name, c.wipLimit])).toEqual([
      ['Doing', null],
      ['To do', 4],
      ['Done', null],
    ])
    await (await store(a)).remove(made.id)
    await settle(a, b)
    expect(await boardsOf(b)).toEqual([])
    await Promise.all([a.close(), b.close()])
  })

  it('converges concurrent renames, and keeps a column added meanwhile on the other device', async () => {
    const [a, b] = await pair()
    const made = await (await store(a)).create('Sales', COLUMNS, a.lib.now())
    await settle(a, b)
    await (await store(a)).update(made.id, (x) => ({ ...x, name: 'From A' }))
    await (
      await store(b)
    ).update(made.id, (x) => ({
      ...x,
      name: 'From B',
      columns: [...x.columns, { id: 'later', name: 'Later', done: false, wipLimit: null }],
    }))
    await settle(a, b)
    const [onA, onB] = [(await boardsOf(a))[0]!, (await boardsOf(b))[0]!]
    expect(onA).toEqual(onB)
    expect(['From A', 'From B']).toContain(onA.name)
    expect(onA.columns.map((c) => c.name)).toEqual(['To do', 'Doing', 'Done', 'Later'])
    await Promise.all([a.close(), b.close()])
  })

  it('keeps a card moved into a column deleted meanwhile on the board, in its first open column', async () => {
    const [a, b] = await pair()
    const made = await (await store(a)).create('Sales', COLUMNS, a.lib.now())
    const [todo, doing] = made.columns
    const card = await a.lib.createNote({ title: 'Acme deal' })
    await a.lib.mutateNote(card.id, (n) => ({
      ...n,
      board: { boardId: made.id, columnId: todo!.id, rank: 'a0' },
    }))
    await settle(a, b)
    await (
      await store(a)
    ).update(made.id, (x) => ({ ...x, columns: x.columns.filter((c) => c.id !== doing!.id) }))
    await b.lib.mutateNote(card.id, (n) => ({
      ...n,
      board: { boardId: made.id, columnId: doing!.id, rank: 'a1' },
    }))
    await settle(a, b)
    for (const d of [a, b]) {
      const note = await d.lib.getNote(card.id)
      expect(note.board).toMatchObject({ boardId: made.id, columnId: todo!.id })
      expect(note.doneAt).toBeNull() // rescued, not silently marked done
      expect((await boardsOf(d))[0]!.columns.map((c) => c.name)).toEqual(['To do', 'Done'])
    }
    await Promise.all([a.close(), b.close()])
  })

  it('takes a card off a board deleted meanwhile, keeping the note', async () => {
    const [a, b] = await pair()
    const made = await (await store(a)).create('Sales', COLUMNS, a.lib.now())
    const card = await a.lib.createNote({ title: 'Acme deal' })
    await settle(a, b)
    await (await store(a)).remove(made.id)
    const col = made.columns[1]!.id
    await b.lib.mutateNote(card.id, (n) => ({ ...n, board: { boardId: made.id, columnId: col, rank: 'a0' } }))
    await settle(a, b)
    for (const d of [a, b]) {
      expect(await boardsOf(d)).toEqual([])
      const note = await d.lib.getNote(card.id)
      expect(note.board).toBeNull()
      expect(note.trashedAt).toBeNull()
    }
    await Promise.all([a.close(), b.close()])
  })

  it("mirrors a board's default standard into the settings the follow-up engine reads", async () => {
    const [a, b] = await pair()
    const made = await (await store(a)).create('Sales', COLUMNS, a.lib.now())
    await (await store(a)).update(made.id, (x) => ({ ...x, defaultStandard: 'sales-lead' }))
    await settle(a, b)
    expect(b.stores.settings.defaults().boards[made.id]).toBe('sales-lead')
    await Promise.all([a.close(), b.close()])
  })

  it('merges the boards of a device joining with boards of its own, by id', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await openDevice(root, 'a', folder)
    const theirs = await (await store(a)).create('Theirs', COLUMNS, a.lib.now())
    await a.engine.pass()
    // c has a board of its own before it ever syncs.
    const cDir = join(root, 'c')
    const early = await openLibrary(cDir, { holder: 'test' })
    const mine = await (await openBoardStore(cDir)).create('Mine', COLUMNS, early.now())
    await early.close()
    const c = await openDevice(root, 'c', folder)
    await settle(a, c)
    for (const d of [a, c])
      expect((await boardsOf(d)).map((x) => x.id).sort()).toEqual([theirs.id, mine.id].sort())
    await Promise.all([a.close(), c.close()])
  })
})
