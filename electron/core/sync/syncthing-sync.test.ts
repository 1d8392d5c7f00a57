import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { expect, it } from 'vitest'
import type { NoteDoc } from '../../shared/model'
import { describeWithSyncthing, useSyncthing, type Syncthing } from '../test-support/syncthing'
import { useTempDirs } from '../test-support/temp-dir'
import type { PassReport } from './engine'
import { DEVICES, TEMP_AREA } from './folder'
import { contentOf, openDevice, type TestDevice } from './test-devices'

const tempDir = useTempDirs()
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
/** Generous: the machine may be busy; a deadline only ends a test that would otherwise hang. */
const WAIT_MS = 120_000

const docOf = (...paragraphs: string[]): NoteDoc => ({
  type: 'doc',
  content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
})

/** Every file under a folder with a stamp that changes when the file is written, replaced or removed. */
function stamps(folder: string, dir = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const e of readdirSync(join(folder, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name
    if (e.isDirectory()) for (const [k, v] of stamps(folder, rel)) out.set(k, v)
    else {
      const s = statSync(join(folder, rel), { bigint: true })
      out.set(rel, `${s.size}:${s.ino}:${s.mtimeNs}`)
    }
  }
  return out
}

/**
 * A pass, and the files it created, changed or removed in the device's folder. Only meaningful while
 * Syncthing carries nothing into that folder (the link paused), or Syncthing's writes would count too.
 */
async function passWritingOnly(d: TestDevice): Promise<string[]> {
  const before = stamps(d.folder)
  await d.engine.pass()
  const after = stamps(d.folder)
  const paths = new Set([...before.keys(), ...after.keys()])
  return [...paths].filter((p) => before.get(p) !== after.get(p))
}

const ownArea = (d: TestDevice) => {
  const id = d.engine.state.deviceId
  return (rel: string) => rel.startsWith(`${DEVICES}/${id}/`) || rel.startsWith(`${TEMP_AREA}/${id}/`)
}

const conflictCopies = (folder: string) =>
  [...stamps(folder).keys()].filter((rel) => rel.includes('.sync-conflict-'))

/** Passes on both devices, Syncthing given time to carry what they wrote, until `done` holds. */
async function passUntil(s: Syncthing, devices: TestDevice[], done: () => Promise<boolean>) {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const reports: PassReport[] = []
    for (const d of devices) reports.push(await d.engine.pass())
    // A problem here may be passing (a folder arrived before its files): settled means none is left.
    const quiet = reports.every((r) => r.sent === 0 && r.waiting === 0 && r.problems.length === 0)
    if (quiet && (await done())) return
    if (Date.now() > deadline)
      throw new Error(`the two libraries did not settle: ${JSON.stringify(reports.map((r) => r.problems))}`)
    await s.waitInSync(WAIT_MS).catch(() => sleep(500)) // a peer may be mid-write: look again
  }
}

describeWithSyncthing('sync through two real Syncthing instances', () => {
  let s: Syncthing
  useSyncthing((started) => (s = started))

  it(
    'two libraries apart edit one note and follow it up differently; after resume both hold the same merged note, Done',
    async () => {
      const root = tempDir()
      const a = await openDevice(root, 'a', s.folders[0]!)
      const b = await openDevice(root, 'b', s.folders[1]!)
      const followUp = {
        dueAt: '2025-03-07T09:00:00.000Z',
        waitingOn: null,
        owner: null,
        attempt: 1,
        standard: null,
      }
      const x = await a.lib.createNote({
        title: 'Quote for Kim',
        doc: docOf('Send the quote on Monday', 'Ask about delivery'),
      })
      await a.lib.mutateNote(x.id, (n) => ({ ...n, followUp }))
      const korean = await a.lib.createNote({ title: '회의', doc: docOf('다음 주 화요일에 회의합니다') })
      const third = await a.lib.createNote({ title: 'Supplier', doc: docOf('Call back') })
      const seeded = [x.id, korean.id, third.id].sort()
      await a.engine.pass()
      await passUntil(s, [b, a], async () =>
        isDeepStrictEqual(
          b.lib
            .listNotes()
            .map((n) => n.id)
            .sort(),
          seeded,
        ),
      )
      expect(await contentOf(b.lib)).toEqual(await contentOf(a.lib))
      expect((await b.lib.getNote(korean.id)).text).toBe('다음 주 화요일에 회의합니다')

      await s.pause(0, 1)
      await a.lib.updateNote(x.id, { doc: docOf('Send the revised quote on Monday', 'Ask about delivery') })
      await a.lib.mutateNote(x.id, (n) => ({ ...n, doneAt: '2025-03-06T10:00:00.000Z' }))
      await b.lib.updateNote(x.id, { doc: docOf('Send the quote on Monday', 'Ask about delivery by ship') })
      // The snooze is stamped later than the Done, yet it never saw it: Done must still win.
      await b.lib.mutateNote(x.id, (n) => ({
        ...n,
        followUp: { ...followUp, dueAt: '2025-03-10T09:00:00.000Z' },
      }))
      const writtenByA = await passWritingOnly(a)
      const writtenByB = await passWritingOnly(b)
      expect(writtenByA.length).toBeGreaterThan(0)
      expect(writtenByB.length).toBeGreaterThan(0)
      expect(writtenByA.filter((rel) => !ownArea(a)(rel))).toEqual([])
      expect(writtenByB.filter((rel) => !ownArea(b)(rel))).toEqual([])

      // Apart, each still holds only its own edit: the merge below is really of two concurrent ones.
      expect((await a.lib.getNote(x.id)).text).toBe('Send the revised quote on Monday\nAsk about delivery')
      expect((await b.lib.getNote(x.id)).text).toBe('Send the quote on Monday\nAsk about delivery by ship')
      await s.resume(0, 1)
      const merged = ['Send the revised quote on Monday', 'Ask about delivery by ship'].join('\n')
      await passUntil(s, [a, b], async () => {
        const [ca, cb] = await Promise.all([contentOf(a.lib), contentOf(b.lib)])
        return isDeepStrictEqual(ca, cb) && ca.find((n) => n.id === x.id)?.text === merged
      })
      expect(await contentOf(b.lib)).toEqual(await contentOf(a.lib))
      for (const d of [a, b]) {
        const note = await d.lib.getNote(x.id)
        expect(note.text).toBe(merged)
        expect(note.doneAt).toBe('2025-03-06T10:00:00.000Z')
        expect(d.engine.state.problems).toEqual([])
        expect((await d.lib.getNote(korean.id)).text).toBe('다음 주 화요일에 회의합니다')
      }
      for (const folder of s.folders) {
        expect(conflictCopies(folder)).toEqual([])
        // Only the two devices' own folders: nothing written anywhere else in the shared folder.
        const ids = [a, b].map((d) => d.engine.state.deviceId).sort()
        expect(readdirSync(join(folder, DEVICES)).sort()).toEqual(ids)
      }
      await Promise.all([a.close(), b.close()])
    },
    WAIT_MS * 3,
  )
})
