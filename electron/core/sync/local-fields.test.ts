import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Note } from '../../shared/model'
import type { MailRef } from '../../shared/mail-ref'
import { paragraph, useTempDirs } from '../test-support/temp-dir'
import { readPack } from './folder'
import { LOCAL_ONLY, SYNCED } from './library-writer'
import { decodePack } from './packs'
import { openDevice } from './test-devices'

const tempDir = useTempDirs()

const mailRef = (accountId: string): MailRef => ({
  kind: 'sent',
  accountId,
  messageId: '<quote-42@mail.example>',
  threadId: 'thread-7731',
  folder: 'Sent Items',
  from: { name: 'Me', address: 'me@example.com' },
  to: [{ name: 'Kim', address: 'kim@example.com' }],
  sentAt: '2026-03-02T09:00:00.000Z',
  trackedDueAt: '2026-03-05T09:00:00.000Z',
  reply: null,
  remarks: [],
})

/** Every byte a device put in the sync folder, packs unpacked (they are compressed on disk). */
function folderBytes(folder: string): Buffer {
  const parts: Buffer[] = []
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name)
      if (e.isDirectory()) walk(path)
      else parts.push(readFileSync(path))
    }
  }
  walk(folder)
  return Buffer.concat(parts)
}

async function packBytes(folder: string): Promise<Buffer> {
  const parts: Buffer[] = []
  const devices = join(folder, 'devices')
  for (const device of readdirSync(devices)) {
    for (const name of readdirSync(join(devices, device)).filter((n) => n.endsWith('.tks'))) {
      const read = await readPack(join(devices, device, name))
      if (read.ok) for (const e of decodePack(read.payload).entries) parts.push(Buffer.from(e.update))
    }
  }
  return Buffer.concat(parts)
}

describe('which note fields sync', () => {
  it('classifies every field of a note as synced or local, so a new field must be decided', () => {
    const all = Object.keys(Note.shape).sort()
    expect([...SYNCED, ...LOCAL_ONLY].sort()).toEqual(all)
    expect(SYNCED.filter((k) => (LOCAL_ONLY as readonly string[]).includes(k))).toEqual([])
  })

  it("keeps a note's mail reference on its own computer; the note and its follow-up travel", async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const a = await openDevice(root, 'a', folder)
    const b = await openDevice(root, 'b', folder)
    const tracked = await a.lib.importNote({
      id: 'mail-0123456789abcdef0123456789abcdef',
      title: 'Quote for Kim',
      doc: paragraph('The quote we talked about'),
      notebookId: 'inbox',
      tags: [],
      createdAt: '2026-03-02T09:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      followUp: {
        dueAt: '2026-03-05T09:00:00.000Z',
        waitingOn: 'Kim',
        owner: null,
        attempt: 1,
        standard: null,
      },
      doneAt: null,
      archivedAt: null,
      history: [],
      board: null,
      mail: mailRef('work-3f2a'),
    })
    await a.engine.pass()
    await b.engine.pass()
    const there = await b.lib.getNote(tracked.id)
    expect(there).toMatchObject({ title: 'Quote for Kim', followUp: { waitingOn: 'Kim' } })
    expect(there.mail ?? null).toBeNull()
    // What does travel is found this way, so the search below would see a reference that did.
    expect((await packBytes(folder)).includes('The quote we talked about')).toBe(true)
    for (const bytes of [await packBytes(folder), folderBytes(folder)]) {
      for (const secret of ['work-3f2a', 'thread-7731', 'Sent Items', 'kim@example.com']) {
        expect(bytes.includes(secret), secret).toBe(false)
      }
    }

    // The same message tracked on the second computer too, under its own account: each keeps its own.
    await b.lib.mutateNote(tracked.id, (n) => ({ ...n, mail: mailRef('home-77c1') }), { touch: false })
    await b.lib.updateNote(tracked.id, { doc: paragraph('The quote we talked about, sent again') })
    await b.engine.pass()
    await a.engine.pass()
    const mine = await a.lib.getNote(tracked.id)
    expect(mine.text).toBe('The quote we talked about, sent again')
    expect(mine.mail?.accountId).toBe('work-3f2a')
    expect((await b.lib.getNote(tracked.id)).mail?.accountId).toBe('home-77c1')
    expect((await packBytes(folder)).includes('home-77c1')).toBe(false)
    await Promise.all([a.close(), b.close()])
  })
})
