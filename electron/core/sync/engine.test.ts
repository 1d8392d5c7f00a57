import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { AttachmentStore } from '../attachments/store'
import { paragraph, useTempDirs } from '../test-support/temp-dir'
import { LocalDocs } from './local-store'
import { contentOf, openDevice, type TestDevice } from './test-devices'

const tempDir = useTempDirs()

async function pair(): Promise<[TestDevice, TestDevice, string]> {
  const root = tempDir()
  const folder = join(root, 'Sync')
  const a = await openDevice(root, 'a', folder)
  const b = await openDevice(root, 'b', folder)
  return [a, b, root]
}

/** Passes until both agree (two rounds always suffice with one shared folder). */
async function settle(...devices: TestDevice[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const d of devices) await d.engine.pass()
}

const textOf = async (d: TestDevice, id: string) => (await d.lib.getNote(id)).text

describe('sync engine: two devices, one folder', () => {
  it('brings a note to a fresh device, and merges concurrent edits of it without losing either', async () => {
    const [a, b] = await pair()
    const note = await a.lib.createNote({ title: 'Quote', doc: paragraph('Hello world') })
    await a.engine.pass()
    await b.engine.pass()
    expect(await textOf(b, note.id)).toBe('Hello world')
    await a.lib.updateNote(note.id, { doc: paragraph('Hello brave world') })
    await b.lib.updateNote(note.id, { doc: paragraph('Hello world, again') })
    await settle(a, b)
    expect(await textOf(a, note.id)).toBe('Hello brave world, again')
    expect(await contentOf(a.lib)).toEqual(await contentOf(b.lib))
    await Promise.all([a.close(), b.close()])
  })

  it('resolves Done against a concurrent snooze as Done, and a Reopen made after the Done wins', async () => {
    const [a, b] = await pair()
    const due = '2025-03-07T09:00:00.000Z'
    const followUp = { dueAt: due, waitingOn: null, owner: null, attempt: 1, standard: null }
    const note = await a.lib.createNote({ title: 'Call Kim' })
    await a.lib.mutateNote(note.id, (n) => ({ ...n, followUp }))
    await settle(a, b)
    await a.lib.mutateNote(note.id, (n) => ({ ...n, doneAt: '2025-03-06T10:00:00.000Z' }))
    // The snooze is stamped later, yet it had not seen the Done: Done still wins.
    await b.lib.mutateNote(note.id, (n) => ({
      ...n,
      followUp: { ...followUp, dueAt: '2025-03-09T09:00:00.000Z' },
    }))
    await settle(a, b)
    for (const d of [a, b]) expect((await d.lib.getNote(note.id)).doneAt).toBe('2025-03-06T10:00:00.000Z')
    await b.lib.mutateNote(note.id, (n) => ({ ...n, doneAt: null }))
    await settle(a, b)
    for (const d of [a, b]) expect((await d.lib.getNote(note.id)).doneAt).toBeNull()
    expect(await contentOf(a.lib)).toEqual(await contentOf(b.lib))
    await Promise.all([a.close(), b.close()])
  })

  it('carries trash, restore and delete; a note deleted while edited elsewhere comes back marked restored', async () => {
    const [a, b] = await pair()
    const kept = await a.lib.createNote({ title: 'Kept', doc: paragraph('draft') })
    const gone = await a.lib.createNote({ title: 'Gone' })
    await settle(a, b)
    await a.lib.mutateNote(kept.id, (n) => ({ ...n, trashedAt: '2025-03-06T10:00:00.000Z' }))
    await settle(a, b)
    expect((await b.lib.getNote(kept.id)).trashedAt).toBe('2025-03-06T10:00:00.000Z')
    await b.lib.mutateNote(kept.id, (n) => ({ ...n, trashedAt: null }))
    await settle(a, b)
    expect((await a.lib.getNote(kept.id)).trashedAt).toBeNull()

    await a.lib.deleteNoteForever(gone.id)
    await a.lib.deleteNoteForever(kept.id)
    await b.lib.updateNote(kept.id, { doc: paragraph('draft, finished on b') })
    await settle(a, b)
    expect(b.lib.summaryOf(gone.id)).toBeUndefined()
    for (const d of [a, b]) {
      const back = await d.lib.getNote(kept.id)
      expect(back.text).toBe('draft, finished on b')
      expect(back.tags).toContain('restored')
    }
    expect(await contentOf(a.lib)).toEqual(await contentOf(b.lib))
    await Promise.all([a.close(), b.close()])
  })

  it('brings notebooks with their ids, so a note lands in the same notebook', async () => {
    const [a, b] = await pair()
    const work = await a.lib.createNotebook('Work')
    const note = await a.lib.createNote({ title: 'Plan', notebookId: work.id })
    await settle(a, b)
    expect(b.lib.listNotebooks().find((nb) => nb.id === work.id)?.name).toBe('Work')
    expect((await b.lib.getNote(note.id)).notebookId).toBe(work.id)
    await b.lib.renameNotebook(work.id, 'Clients')
    await settle(a, b)
    expect(a.lib.listNotebooks().find((nb) => nb.id === work.id)?.name).toBe('Clients')
    await Promise.all([a.close(), b.close()])
  })

  it('compacts only its own files, and a device joining later still gets everything', async () => {
    const [a, b, root] = await pair()
    const note = await a.lib.createNote({ title: 'Log' })
    for (let i = 1; i <= 6; i++) {
      await a.lib.updateNote(note.id, { doc: paragraph(`line ${i}`) })
      await a.engine.pass()
    }
    await b.engine.pass()
    const files = (dev: TestDevice) => readdirSync(join(dev.folder, 'devices', dev.engine.state.deviceId))
    expect(files(a).filter((n) => n.startsWith('base-'))).toHaveLength(1)
    expect(files(a).filter((n) => n.startsWith('log-')).length).toBeLessThan(4)
    const c = await openDevice(root, 'c', a.folder)
    await c.engine.pass()
    expect(await textOf(c, note.id)).toBe('line 6')
    expect(await contentOf(c.lib)).toEqual(await contentOf(a.lib))
    await Promise.all([a.close(), b.close(), c.close()])
  })
})

describe('sync engine: crashes', () => {
  it('a crash after publishing, before the docs were saved, never doubles the text it published', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await openDevice(root, 'a', folder)
    const b = await openDevice(root, 'b', folder)
    const note = await a.lib.createNote({ title: 'Crash', doc: paragraph('before') })
    await settle(a, b)
    await a.lib.updateNote(note.id, { doc: paragraph('before and after') })
    const save = vi.spyOn(LocalDocs.prototype, 'saveMany').mockRejectedValueOnce(new Error('power cut'))
    await expect(a.engine.pass()).rejects.toThrow('power cut')
    save.mockRestore()
    await a.close()
    const again = await openDevice(root, 'a', folder)
    await settle(again, b)
    for (const d of [again, b]) expect(await textOf(d, note.id)).toBe('before and after')
    await Promise.all([again.close(), b.close()])
  })
})

describe('sync engine: attachments', () => {
  it('carries attachments by content, waiting for one still being copied', async () => {
    const [a, b] = await pair()
    const bytes = Buffer.from('\x89PNG a small picture')
    const ref = await new AttachmentStore(a.dataDir).add(bytes, 'photo.png', 'image/png')
    await a.lib.createNote({ title: 'With a picture' })
    await a.engine.pass()
    const published = join(a.folder, 'devices', a.engine.state.deviceId, 'attachments', ref.file)
    writeFileSync(published, bytes.subarray(0, 5)) // as a sync tool would leave it mid-copy
    const early = await b.engine.pass()
    expect(early.waiting).toBe(1)
    expect(existsSync(join(b.dataDir, 'attachments', ref.file))).toBe(false)
    writeFileSync(published, bytes)
    await b.engine.pass()
    expect(readFileSync(join(b.dataDir, 'attachments', ref.file))).toEqual(bytes)
    await Promise.all([a.close(), b.close()])
  })
})

describe('sync engine: joining', () => {
  it('a copy of the library joining merges by id and never converts a note twice', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await openDevice(root, 'a', folder)
    const note = await a.lib.createNote({ title: 'Shared', doc: paragraph('one copy of this text') })
    await a.close()
    cpSync(join(root, 'a'), join(root, 'b'), { recursive: true })
    const { rmSync } = await import('node:fs')
    rmSync(join(root, 'b', 'sync'), { recursive: true }) // b is a copy made before a started syncing
    const a2 = await openDevice(root, 'a', folder)
    await a2.engine.pass()
    const b = await openDevice(root, 'b', folder)
    await settle(a2, b)
    for (const d of [a2, b]) expect(await textOf(d, note.id)).toBe('one copy of this text')
    await Promise.all([a2.close(), b.close()])
  })

  it('refuses to join a folder holding a separate library unless asked to merge', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await openDevice(root, 'a', folder)
    await a.lib.createNote({ title: 'From a' })
    await a.engine.pass()
    const b = await openDevice(root, 'b', folder)
    await b.lib.createNote({ title: 'From b' })
    await expect(b.engine.pass()).rejects.toThrow(/different library.*--merge/)
    expect(b.lib.listNotes().map((s) => s.title)).toEqual(['From b'])
    await b.close()
    const merged = await openDevice(root, 'b', folder, { merge: true })
    await merged.engine.pass()
    expect(
      merged.lib
        .listNotes()
        .map((s) => s.title)
        .sort(),
    ).toEqual(['From a', 'From b'])
    await Promise.all([a.close(), merged.close()])
  })
})
