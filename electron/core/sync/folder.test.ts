import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { paragraph, useTempDirs } from '../test-support/temp-dir'
import { SYNC_FORMAT } from './envelope'
import { openDevice, type TestDevice } from './test-devices'

const tempDir = useTempDirs()

/** Two devices, each with its own copy of the sync folder; the test plays the sync tool between them. */
async function apart(): Promise<[TestDevice, TestDevice]> {
  const root = tempDir()
  const a = await openDevice(root, 'a', join(root, 'folder-a'))
  return [a, await openDevice(root, 'b', join(root, 'folder-b'))]
}

const devicesDir = (d: TestDevice) => join(d.folder, 'devices')
/** a's own files, as a sync tool would deliver them into b's folder. */
function filesOf(a: TestDevice): { name: string; bytes: Buffer }[] {
  const dir = join(devicesDir(a), a.engine.state.deviceId)
  return readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }))
}
function deliver(a: TestDevice, b: TestDevice, name: string, bytes: Buffer): void {
  const dir = join(devicesDir(b), a.engine.state.deviceId)
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, name), bytes)
}

describe('sync folder as sync tools and clouds leave it', () => {
  it('waits for a half-written file, never applies or deletes it, and applies it once whole', async () => {
    const [a, b] = await apart()
    const note = await a.lib.createNote({ title: 'Half', doc: paragraph('arrives late') })
    await a.engine.pass()
    const files = filesOf(a)
    const pack = files.find((f) => f.name.startsWith('log-'))!
    for (const f of files) if (f !== pack) deliver(a, b, f.name, f.bytes)
    deliver(a, b, pack.name, pack.bytes.subarray(0, Math.floor(pack.bytes.length / 2)))
    const first = await b.engine.pass()
    expect(first.problems).toEqual([expect.objectContaining({ reason: 'incomplete' })])
    expect(first.waiting).toBeGreaterThan(0)
    expect(b.lib.summaryOf(note.id)).toBeUndefined()
    expect(existsSync(join(devicesDir(b), a.engine.state.deviceId, pack.name))).toBe(true)
    deliver(a, b, pack.name, pack.bytes)
    const second = await b.engine.pass()
    expect(second.problems).toEqual([])
    expect((await b.lib.getNote(note.id)).text).toBe('arrives late')
    await Promise.all([a.close(), b.close()])
  })

  it("ignores sync tools' temporary names and waits for an iCloud placeholder", async () => {
    const [a, b] = await apart()
    const note = await a.lib.createNote({ title: 'Placeholder' })
    await a.engine.pass()
    const pack = filesOf(a).find((f) => f.name.startsWith('log-'))!
    const manifest = filesOf(a).find((f) => f.name === 'device.json')!
    deliver(a, b, manifest.name, manifest.bytes) // it names the library and the pack still to come
    for (const junk of [
      `.syncthing.${pack.name}.tmp`,
      `${pack.name}.tmp`,
      `~${pack.name}`,
      `.~${pack.name}`,
    ]) {
      deliver(a, b, junk, Buffer.from('partial garbage'))
    }
    deliver(a, b, `.${pack.name}.icloud`, Buffer.from('bplist00'))
    const waiting = await b.engine.pass()
    expect(waiting.problems).toEqual([])
    expect(waiting.waiting).toBe(1)
    expect(b.engine.state.waiting).toBe(1)
    rmSync(join(devicesDir(b), a.engine.state.deviceId, `.${pack.name}.icloud`))
    deliver(a, b, pack.name, pack.bytes) // the cloud client downloads it
    await b.engine.pass()
    expect(b.lib.summaryOf(note.id)?.title).toBe('Placeholder')
    await Promise.all([a.close(), b.close()])
  })

  it('skips a file from a newer Tickler and a foreign file, reports both, keeps them, and carries on', async () => {
    const [a, b] = await apart()
    const note = await a.lib.createNote({ title: 'Fine' })
    await a.engine.pass()
    for (const f of filesOf(a)) deliver(a, b, f.name, f.bytes)
    const pack = filesOf(a).find((f) => f.name.startsWith('log-'))!
    const newer = Buffer.from(pack.bytes)
    newer.writeUInt16LE(SYNC_FORMAT + 1, 6)
    deliver(a, b, 'log-00000090.tks', newer)
    deliver(a, b, 'log-00000091.tks', Buffer.from('{"this": "is not a pack"}'))
    const report = await b.engine.pass()
    expect(report.problems.map((p) => p.reason).sort()).toEqual(['foreign', 'newer'])
    expect(b.lib.summaryOf(note.id)?.title).toBe('Fine')
    expect(readdirSync(join(devicesDir(b), a.engine.state.deviceId))).toContain('log-00000090.tks')
    await Promise.all([a.close(), b.close()])
  })

  it('reports a sync folder that has gone, and leaves the library as it was', async () => {
    const [a, b] = await apart()
    await a.lib.createNote({ title: 'Local work' })
    rmSync(a.folder, { recursive: true }) // an unplugged drive, a cloud folder moved away
    await expect(a.engine.pass()).rejects.toThrow(/cannot be read.*local work goes on/)
    expect(a.lib.listNotes().map((s) => s.title)).toEqual(['Local work'])
    await Promise.all([a.close(), b.close()])
  })
})
