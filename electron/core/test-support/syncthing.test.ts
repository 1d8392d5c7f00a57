import { randomBytes } from 'node:crypto'
import { access, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { isAlive } from './processes'
import { describeWithSyncthing, startSyncthing, useSyncthing, type Syncthing } from './syncthing'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Generous: the machine running the tests may be busy; a wait never decides a result by its length. */
const WAIT_MS = 120_000

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

const contentOf = (folder: string, name: string) =>
  readFile(join(folder, name), 'utf8').catch(() => undefined)
/** The folder's entries, without the marker Syncthing keeps in every shared folder. */
const entries = async (folder: string) => (await readdir(folder)).filter((n) => n !== '.stfolder').sort()
const conflictCopies = async (folders: string[]) =>
  (await Promise.all(folders.map(entries))).flat().filter((n) => n.includes('.sync-conflict-'))

describeWithSyncthing('two Syncthing instances on 127.0.0.1', () => {
  let s: Syncthing
  useSyncthing((started) => (s = started))

  it(
    'share one folder: a file written in one arrives whole in the other',
    async () => {
      const [a, b] = s.folders as [string, string]
      expect(a).not.toBe(b)
      await writeFile(join(a, 'from-a.json'), '{"text":"안녕하세요"}')
      expect(await until('from-a.json in B', () => contentOf(b, 'from-a.json'))).toBe('{"text":"안녕하세요"}')
      await s.waitInSync()
      expect(await entries(b)).toEqual(await entries(a))
    },
    WAIT_MS,
  )

  it(
    'carries nothing while paused and catches up after resume, with no conflict copy',
    async () => {
      const [a, b] = s.folders as [string, string]
      await s.pause(0, 1)
      expect(await s.connected(0, 1)).toBe(false)
      expect(await s.connected(1, 0)).toBe(false)
      // Each side writes only its own files while apart, as the sync engine's devices do.
      await writeFile(join(b, 'device-b.log'), 'written in B while apart')
      await writeFile(join(a, 'device-a.log'), 'written in A while apart')
      await s.scan(1)
      await s.scan(0)
      // Long enough for the file watcher and a transfer, had the link been up (it took about a second).
      await sleep(3000)
      expect(await contentOf(a, 'device-b.log')).toBeUndefined()
      expect(await contentOf(b, 'device-a.log')).toBeUndefined()

      await s.resume(0, 1)
      await s.waitInSync()
      expect(await contentOf(a, 'device-b.log')).toBe('written in B while apart')
      expect(await contentOf(b, 'device-a.log')).toBe('written in A while apart')
      expect(await conflictCopies(s.folders)).toEqual([])
      expect(await entries(a)).toEqual(await entries(b))
    },
    WAIT_MS * 2,
  )

  it(
    'makes a conflict copy when one file is written on both sides while apart (why devices own files)',
    async () => {
      const [a, b] = s.folders as [string, string]
      await s.pause(0, 1)
      await writeFile(join(a, 'shared.json'), 'A version')
      await writeFile(join(b, 'shared.json'), 'B version')
      await s.scan(0)
      await s.scan(1)
      await s.resume(0, 1)
      await s.waitInSync()
      const copies = await conflictCopies(s.folders)
      expect(copies.length).toBeGreaterThan(0)
      expect(copies[0]).toMatch(/^shared\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}\.json$/)
      // Both texts survive, one under the name and one as the copy, the same on both sides.
      const texts = await Promise.all(['shared.json', copies[0]!].map((n) => contentOf(a, n)))
      expect(texts.sort()).toEqual(['A version', 'B version'])
      expect(await entries(a)).toEqual(await entries(b))
    },
    WAIT_MS * 2,
  )

  it('cannot pause or resume an instance that does not exist', async () => {
    await expect(s.pause(0, 5)).rejects.toThrow('no Syncthing instance 5')
  })
})

describeWithSyncthing('a Syncthing transfer seen mid-way', () => {
  let s: Syncthing
  // Slowed down so a 2 MB file takes seconds to arrive: long enough to see it under its temporary name.
  useSyncthing((started) => (s = started), { maxRecvKbps: 256 })

  it(
    'writes an incoming file under .syncthing.NAME.tmp and renames it when whole',
    async () => {
      const [a, b] = s.folders as [string, string]
      const data = randomBytes(2 * 1024 * 1024)
      await writeFile(join(a, 'big.bin'), data)
      let sawTemporary = false
      await until('big.bin in B', async () => {
        const names = await readdir(b)
        if (names.includes('.syncthing.big.bin.tmp')) sawTemporary = true
        return names.includes('big.bin') ? true : undefined
      })
      expect(sawTemporary).toBe(true)
      expect((await readFile(join(b, 'big.bin'))).equals(data)).toBe(true)
      expect(await entries(b)).toEqual(['big.bin'])
    },
    WAIT_MS,
  )
})

describeWithSyncthing('three Syncthing instances', () => {
  it(
    'carry a file to both others, and stop leaving no process and no folder behind',
    async () => {
      const s = await startSyncthing({ count: 3 })
      try {
        await writeFile(join(s.folders[0]!, 'note.json'), '{}')
        await s.waitInSync()
        for (const folder of s.folders) expect(await contentOf(folder, 'note.json')).toBe('{}')
      } finally {
        // Stopped before anything is asserted, so a failed check leaves no instance running.
        const pids = await s.processes()
        await s.stop()
        expect(pids).toHaveLength(3)
        expect(pids.filter(isAlive)).toEqual([])
        for (const folder of s.folders) await expect(access(folder)).rejects.toThrow()
      }
    },
    WAIT_MS * 2,
  )
})

// Checked before anything starts, so it holds where Syncthing is missing too.
it('startSyncthing refuses a count it does not support', async () => {
  await expect(startSyncthing({ count: 1 })).rejects.toThrow('2 or 3 instances, not 1')
  await expect(startSyncthing({ count: 4 })).rejects.toThrow('2 or 3 instances, not 4')
})
