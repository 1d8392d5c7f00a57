import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { Kind, open, seal, SYNC_FORMAT } from './envelope'
import type { FolderListing, PackFile } from './folder'
import { foldEvents, recordChanges, seedEvents, type Lifecycle } from './lifecycle'
import { planReads, pruneApplied } from './read-plan'
import { textEdit } from './text-edit'
import { fateOf, recordDelete } from './tombstone'

const apply = (was: string, e: ReturnType<typeof textEdit>) =>
  was.slice(0, e.start) + e.inserted + was.slice(e.start + e.removed)

describe('textEdit', () => {
  it('places an insertion or a deletion on word boundaries when several places give the same text', () => {
    expect(textEdit('⟨5⟩', '⟨1⟩ ⟨5⟩')).toEqual({ start: 0, removed: 0, inserted: '⟨1⟩ ' })
    expect(textEdit('⟨5⟩ ⟨6⟩', '⟨6⟩')).toEqual({ start: 0, removed: 4, inserted: '' })
    // A rewritten word is replaced whole, so its old brackets are not shared with the new one.
    expect(textEdit('a ⟨2⟩ b', 'a ⟨11⟩ b')).toEqual({ start: 2, removed: 3, inserted: '⟨11⟩' })
  })

  it('keeps ordinary typing minimal and never splits a surrogate pair', () => {
    expect(textEdit('hello', 'hello world')).toEqual({ start: 5, removed: 0, inserted: ' world' })
    expect(textEdit('helo', 'hello')).toMatchObject({ removed: 0, inserted: 'l' })
    for (const [was, want] of [
      ['a😀b', 'a😃b'],
      ['😀😀', '😀'],
      ['안녕 세계', '안녕하세요 세계'],
      ['x 𠀀 y', 'x 𠀁 y'],
    ] as const) {
      const e = textEdit(was, want)
      expect(apply(was, e)).toBe(want)
      const cut = was.charCodeAt(e.start)
      expect(cut >= 0xdc00 && cut <= 0xdfff).toBe(false)
    }
  })
})

describe('envelope', () => {
  it('tells a file still arriving, one from a newer Tickler and one that is not ours apart', () => {
    const file = seal(Kind.log, new TextEncoder().encode('payload'))
    expect(open(file)).toMatchObject({ ok: true, kind: Kind.log })
    expect(open(file.subarray(0, 10))).toMatchObject({ ok: false, reason: 'incomplete' })
    expect(open(file.subarray(0, file.length - 1))).toMatchObject({ ok: false, reason: 'incomplete' })
    expect(open(Buffer.alloc(file.length))).toMatchObject({ ok: false, reason: 'incomplete' })
    const flipped = Buffer.from(file)
    flipped[flipped.length - 1]! ^= 1
    expect(open(flipped)).toMatchObject({ ok: false, reason: 'incomplete' })
    const newer = Buffer.from(file)
    newer.writeUInt16LE(SYNC_FORMAT + 1, 6)
    expect(open(newer)).toEqual({ ok: false, reason: 'newer', format: SYNC_FORMAT + 1 })
    expect(open(Buffer.from('PK\u0003\u0004 a zip, not a pack at all'))).toMatchObject({ reason: 'foreign' })
  })
})

describe('read plan', () => {
  const pack = (device: string, kind: 'log' | 'base', seq: number): PackFile => ({
    device,
    kind,
    seq,
    name: `${kind}-${String(seq).padStart(8, '0')}.tks`,
    path: '',
  })
  const listing = (packs: PackFile[]): FolderListing => ({ devices: ['a'], packs, placeholders: [] })

  it("reads a device's newest base instead of the logs it covers, then the logs after it", () => {
    const files = [pack('a', 'log', 1), pack('a', 'log', 2), pack('a', 'base', 2), pack('a', 'log', 3)]
    expect(planReads(listing(files), new Set()).map((f) => f.name)).toEqual([
      'base-00000002.tks',
      'log-00000003.tks',
    ])
    expect(planReads(listing(files), new Set(['a/base-00000002.tks'])).map((f) => f.name)).toEqual([
      'log-00000003.tks',
    ])
    expect(
      pruneApplied(listing(files), new Set(['a/log-00000001.tks', 'a/base-00000002.tks', 'a/gone.tks'])),
    ).toEqual(['a/base-00000002.tks'])
  })
})

describe('follow-up events', () => {
  const start: Lifecycle = { followUp: null, doneAt: null, trashedAt: null, archivedAt: null, history: [] }
  const followUp = {
    dueAt: '2025-03-07T09:00:00.000Z',
    waitingOn: null,
    owner: null,
    attempt: 1,
    standard: null,
  }
  const base = () => {
    const doc = new Y.Doc()
    doc.getArray('events').push(seedEvents({ ...start, followUp }, '2025-03-01T00:00:00.000Z'))
    return doc
  }
  const fork = (doc: Y.Doc) => {
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    return other
  }
  const merge = (a: Y.Doc, b: Y.Doc) => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  }
  const state = (doc: Y.Doc) => foldEvents(doc.getArray('events').toArray() as never)

  it('a Done beats a concurrent snooze stamped later; a Reopen that saw the Done wins', () => {
    const laptop = base()
    const desktop = fork(laptop)
    const was = { ...start, followUp }
    recordChanges(
      laptop,
      'laptop',
      was,
      { ...was, doneAt: '2025-03-06T10:00:00.000Z' },
      '2025-03-06T10:00:00.000Z',
    )
    const snoozed = { ...was, followUp: { ...followUp, dueAt: '2025-03-09T09:00:00.000Z' } }
    recordChanges(desktop, 'desktop', was, snoozed, '2025-03-06T11:00:00.000Z')
    merge(laptop, desktop)
    expect(state(laptop).doneAt).toBe('2025-03-06T10:00:00.000Z')
    expect(state(desktop)).toEqual(state(laptop))
    const done = state(desktop)
    recordChanges(desktop, 'desktop', done, { ...done, doneAt: null }, '2025-03-06T09:00:00.000Z')
    merge(laptop, desktop)
    expect(state(laptop).doneAt).toBeNull() // later in causality, though its clock is behind
  })
})

describe('tombstones', () => {
  it('a delete holds unless the note was changed somewhere the deleting device had not seen', () => {
    const a = new Y.Doc()
    a.getText('title').insert(0, 'Note')
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    recordDelete(a, '2025-03-06T10:00:00.000Z')
    expect(fateOf(a)).toBe('deleted')
    const c = new Y.Doc()
    Y.applyUpdate(c, Y.encodeStateAsUpdate(a))
    recordDelete(c, '2025-03-06T10:01:00.000Z') // deleted on two devices at once: still deleted
    Y.applyUpdate(a, Y.encodeStateAsUpdate(c))
    expect(fateOf(a)).toBe('deleted')
    b.getText('title').insert(4, ' edited on b')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(fateOf(a)).toBe('restored')
    recordDelete(a, '2025-03-06T11:00:00.000Z') // deleted again, having seen that edit
    expect(fateOf(a)).toBe('deleted')
  })
})
