import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../shared/contract-sync'
import type { Timers } from '../followups/scheduler'
import { openLibrary } from '../library'
import { paragraph, useTempDirs } from '../test-support/temp-dir'
import type { SyncEngine } from './engine'
import { SyncService } from './service'
import { openSyncStores, type StoreChange } from './stores'

const tempDir = useTempDirs()

/** Timers the test fires by hand, so nothing depends on how fast this machine is. */
class ManualTimers implements Timers {
  due: { fn: () => void; ms: number }[] = []
  set(fn: () => void, ms: number) {
    const t = { fn, ms }
    this.due.push(t)
    return t
  }
  clear(handle: unknown) {
    this.due = this.due.filter((t) => t !== handle)
  }
  /** Fires the one pending timer (the service keeps at most one). */
  fire() {
    expect(this.due).toHaveLength(1)
    this.due.pop()!.fn()
  }
}

const DEBOUNCE = 2000

async function device(root: string, name: string) {
  const lib = await openLibrary(join(root, name), { holder: 'test' })
  await lib.reconciled
  const stores = await openSyncStores(lib.dataDir)
  const timers = new ManualTimers()
  const statuses: SyncStatus[] = []
  const received: StoreChange[][] = []
  const sync = new SyncService({
    library: lib,
    stores,
    timers,
    debounceMs: DEBOUNCE,
    retryMs: 1000,
    watch: () => null, // polled: the test decides when a pass runs
    onStatus: (s) => statuses.push(s),
    onStores: (s) => received.push(s),
  })
  await sync.start()
  const close = async () => {
    await sync.close()
    await lib.close()
  }
  return { lib, stores, sync, timers, statuses, received, close }
}

/** Two devices, A and B, syncing one folder. */
async function twoDevices() {
  const root = tempDir()
  const folder = join(root, 'Sync')
  const a = await device(root, 'a')
  const b = await device(root, 'b')
  await a.sync.setUp(folder, 'A', false)
  await b.sync.setUp(folder, 'B', false)
  return { folder, a, b }
}

/** Waits until the service has no pass running (the status it reports says so). */
const idle = (d: { sync: SyncService }) => d.sync.syncNow()

describe('sync service', () => {
  it('sets up, syncs a note to a second device and reports folder, device and the devices seen', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await device(root, 'a')
    const b = await device(root, 'b')
    expect(a.sync.status().state).toBe('off')
    const note = await a.lib.createNote({ title: 'Quote', doc: paragraph('Hello') })
    const setUp = await a.sync.setUp(folder, 'Laptop', false)
    expect(setUp).toMatchObject({ state: 'synced', folder, device: { name: 'Laptop' }, localChanges: 0 })
    await b.sync.setUp(folder, 'Desktop', false)
    expect((await b.lib.getNote(note.id)).text).toBe('Hello')
    const seen = (await a.sync.syncNow()).devices
    expect(seen.map((d) => d.name)).toEqual(['Desktop'])
    expect(seen[0]!.seenAt).not.toBeNull()
    await Promise.all([a.close(), b.close()])
  })

  it('waits a few seconds after local changes, then runs one pass for all of them', async () => {
    const { a, b } = await twoDevices()
    a.timers.due = [] // the idle poll
    const one = await a.lib.createNote({ title: 'One' })
    const two = await a.lib.createNote({ title: 'Two' })
    expect(a.sync.status()).toMatchObject({ state: 'waiting', localChanges: 2 })
    expect(a.timers.due.map((t) => t.ms)).toEqual([DEBOUNCE])
    a.timers.fire()
    const after = await idle(a)
    expect(after).toMatchObject({ state: 'synced', localChanges: 0 })
    await b.sync.syncNow()
    expect(b.lib.summaryOf(one.id)?.title).toBe('One')
    expect(b.lib.summaryOf(two.id)?.title).toBe('Two')
    await Promise.all([a.close(), b.close()])
  })

  it('a board written straight to the shared store (as an import does) goes out a few seconds later', async () => {
    const { a, b } = await twoDevices()
    a.timers.due = [] // the idle poll
    const boards = await a.stores.boards()
    const board = await boards.create('Pipeline', [{ name: 'To do', done: false }], new Date())
    expect(a.timers.due.map((t) => t.ms)).toEqual([DEBOUNCE])
    a.timers.fire()
    await idle(a)
    await b.sync.syncNow()
    expect((await b.stores.boards()).list().map((x) => x.id)).toEqual([board.id])
    await Promise.all([a.close(), b.close()])
  })

  it('never runs two passes at once, whoever asks', async () => {
    const root = tempDir()
    const a = await device(root, 'a')
    await a.sync.setUp(join(root, 'Sync'), 'A', false)
    const engine = (a.sync as unknown as { engine: SyncEngine }).engine
    const pass = engine.pass.bind(engine)
    let running = 0
    let most = 0
    engine.pass = async (...args) => {
      most = Math.max(most, ++running)
      try {
        return await pass(...args)
      } finally {
        running--
      }
    }
    await a.lib.createNote({ title: 'x' })
    const timer = a.timers.due.at(-1)!
    await Promise.all([
      a.sync.syncNow(),
      a.sync.syncNow(),
      Promise.resolve().then(() => timer.fn()),
      a.sync.syncNow(),
    ])
    await idle(a)
    expect(most).toBe(1)
    await a.close()
  })

  it('reports a folder that went away, retries with growing waits, and syncs when it is back', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await device(root, 'a')
    await a.sync.setUp(folder, 'A', false)
    renameSync(folder, join(root, 'Away'))
    await a.lib.createNote({ title: 'Written while the folder was away' })
    const gone = await a.sync.syncNow()
    expect(gone.state).toBe('problem')
    expect(gone.problems[0]!.kind).toBe('folder-gone')
    expect(gone.retryAt).not.toBeNull()
    expect(a.timers.due.map((t) => t.ms)).toEqual([1000])
    a.timers.fire()
    await idle(a)
    expect(a.timers.due.map((t) => t.ms)).toEqual([4000]) // syncNow's failure was the second, then a third
    expect(a.lib.listNotes()).toHaveLength(1) // local work went on
    renameSync(join(root, 'Away'), folder)
    a.timers.fire()
    const back = await idle(a)
    expect(back).toMatchObject({ state: 'synced', problems: [], retryAt: null })
    await a.close()
  })

  it('refuses a folder holding a different library unless the user chooses to merge', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await device(root, 'a')
    const b = await device(root, 'b')
    await a.lib.createNote({ title: 'Theirs' })
    await a.sync.setUp(folder, 'A', false)
    await b.lib.createNote({ title: 'Mine' })
    await expect(b.sync.setUp(folder, 'B', false)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(b.sync.status().state).toBe('off')
    const merged = await b.sync.setUp(folder, 'B', true)
    expect(merged.state).toBe('synced')
    expect(
      b.lib
        .listNotes()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['Mine', 'Theirs'])
    await Promise.all([a.close(), b.close()])
  })

  it("writes remote saved searches through the app's own store and says which stores changed", async () => {
    const { a, b } = await twoDevices()
    await a.stores.searches.change((list) => [
      ...list,
      { id: 's1', name: 'Leads', query: 'tag:lead', createdAt: '2026-01-01T00:00:00.000Z' },
    ])
    await a.sync.syncNow()
    b.received.length = 0
    await b.sync.syncNow()
    expect(b.received).toEqual([['searches']])
    expect((await b.stores.searches.list()).map((s) => s.id)).toEqual(['s1'])
    await Promise.all([a.close(), b.close()])
  })

  it('stops syncing, keeping the folder and every note, and starts again after a restart only if set up', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await device(root, 'a')
    await a.lib.createNote({ title: 'Kept' })
    await a.sync.setUp(folder, 'A', false)
    const renamed = await a.sync.rename('Office')
    expect(renamed.device?.name).toBe('Office')
    expect((await a.sync.stop()).state).toBe('off')
    expect(existsSync(join(folder, 'devices'))).toBe(true)
    expect(a.lib.listNotes().map((s) => s.title)).toEqual(['Kept'])
    expect(a.timers.due).toEqual([])
    await a.close()
    const again = await device(root, 'a')
    expect(again.sync.status().state).toBe('off')
    expect(again.timers.due).toEqual([])
    await again.close()
  })
})
