import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { paragraph, useTempDirs } from '../test-support/temp-dir'
import { DEVICES, MANIFEST } from './folder'
import { openDevice, type TestDevice } from './test-devices'

const tempDir = useTempDirs()

/** What a sync tool does eventually: each device's own files reach the other folders (whole, here). */
function exchange(...devices: TestDevice[]): void {
  for (const from of devices) {
    const own = join(DEVICES, from.engine.state.deviceId)
    for (const to of devices)
      if (to !== from) cpSync(join(from.folder, own), join(to.folder, own), { recursive: true })
  }
}

const textOf = async (d: TestDevice, id: string) => (await d.lib.getNote(id)).text

/*
 * A new computer is pointed at its copy of the sync folder before the sync tool has delivered anything
 * into it. Its first pass finds an empty folder and announces a library of its own; when the real
 * library arrives it must still take it (it has published nothing), not report every file as foreign.
 */
describe('sync engine: a device that passed before the folder arrived', () => {
  it("takes the folder's library when it arrives, and gets its notes", async () => {
    const root = tempDir()
    const a = await openDevice(root, 'a', join(root, 'folder-a'))
    const b = await openDevice(root, 'b', join(root, 'folder-b'))
    const note = await a.lib.createNote({ title: 'Plan', doc: paragraph('written on a') })
    await a.engine.pass()
    await b.engine.pass() // its folder is still empty
    exchange(a, b)
    const report = await b.engine.pass()
    expect(report.problems).toEqual([])
    expect(b.engine.state.libraryId).toBe(a.engine.state.libraryId)
    expect(await textOf(b, note.id)).toBe('written on a')
    // Its edits are a's library's: a applies them.
    await b.lib.updateNote(note.id, { doc: paragraph('written on a, read on b') })
    await b.engine.pass()
    exchange(a, b)
    expect((await a.engine.pass()).problems).toEqual([])
    expect(await textOf(a, note.id)).toBe('written on a, read on b')
    await Promise.all([a.close(), b.close()])
  })

  it('two empty devices that see each other agree on one library, and never swap', async () => {
    const root = tempDir()
    const a = await openDevice(root, 'a', join(root, 'folder-a'))
    const b = await openDevice(root, 'b', join(root, 'folder-b'))
    expect(a.engine.state.libraryId).not.toBe(b.engine.state.libraryId)
    for (const d of [a, b]) await d.engine.pass()
    exchange(a, b)
    for (let round = 0; round < 2; round++) {
      for (const d of [a, b]) await d.engine.pass()
      exchange(a, b)
    }
    expect(a.engine.state.libraryId).toBe(b.engine.state.libraryId)
    const note = await b.lib.createNote({ title: 'First', doc: paragraph('from b') })
    await b.engine.pass()
    exchange(a, b)
    expect((await a.engine.pass()).problems).toEqual([])
    expect(await textOf(a, note.id)).toBe('from b')
    await Promise.all([a.close(), b.close()])
  })

  it("holding the folder's notes, it keeps that library while its files are in transit", async () => {
    const root = tempDir()
    const a = await openDevice(root, 'a', join(root, 'folder-a'))
    const b = await openDevice(root, 'b', join(root, 'folder-b'))
    const note = await a.lib.createNote({ title: 'Plan', doc: paragraph('written on a') })
    await a.engine.pass()
    await b.engine.pass()
    exchange(a, b)
    await b.engine.pass()
    const library = a.engine.state.libraryId
    expect(b.engine.state.libraryId).toBe(library)
    // a's files leave b's folder for a moment (a compaction's removals arrive before its base, the
    // manifest is being replaced), while an empty device's announcement of a smaller id is there.
    rmSync(join(b.folder, DEVICES, a.engine.state.deviceId), { recursive: true })
    const empty = '0000000000000001'
    mkdirSync(join(b.folder, DEVICES, empty), { recursive: true })
    const announcement = {
      format: 1,
      libraryId: '0000000000000000',
      device: empty,
      name: 'new laptop',
      updatedAt: '2025-03-06T10:00:00.000Z',
      files: [],
    }
    writeFileSync(join(b.folder, DEVICES, empty, MANIFEST), JSON.stringify(announcement))
    await b.engine.pass()
    expect(b.engine.state.libraryId).toBe(library)
    exchange(a, b)
    expect((await b.engine.pass()).problems).toEqual([])
    expect(await textOf(b, note.id)).toBe('written on a')
    await Promise.all([a.close(), b.close()])
  })
})
