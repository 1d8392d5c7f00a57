import { describe, expect, it } from 'vitest'
import { openLibrary } from './library'
import {
  addTag,
  deleteForever,
  deleteNotebook,
  emptyTrash,
  moveNotes,
  renameTag,
  restoreNotes,
  trashNotes,
} from './library-actions'
import { useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()
const clock = (iso: string) => {
  let at = new Date(iso)
  return { now: () => new Date(at), set: (next: string) => (at = new Date(next)) }
}

describe('notebooks', () => {
  it('renames a notebook, refusing an empty name, a taken name and the Inbox', async () => {
    const lib = await openLibrary(tempDir())
    const work = await lib.createNotebook('Work')
    await lib.createNotebook('Home')
    expect(await lib.renameNotebook(work.id, '  Clients ')).toMatchObject({ id: work.id, name: 'Clients' })
    await expect(lib.renameNotebook(work.id, 'home')).rejects.toMatchObject({ code: 'CONFLICT' })
    await expect(lib.renameNotebook(work.id, '   ')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(lib.renameNotebook('inbox', 'Mail')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(lib.renameNotebook('nope', 'X')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(lib.listNotebooks().map((nb) => nb.name)).toEqual(['Inbox', 'Clients', 'Home'])
    await lib.close()
  })

  it('survives a reopen with the new name', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const nb = await lib.createNotebook('Old')
    await lib.renameNotebook(nb.id, 'New')
    await lib.close()
    const again = await openLibrary(dir)
    expect(again.listNotebooks().find((n) => n.id === nb.id)?.name).toBe('New')
    await again.close()
  })

  it('deleting a notebook trashes its notes (restored ones land in the Inbox) and updates counts', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const nb = await lib.createNotebook('Project')
    const a = await lib.createNote({ notebookId: nb.id, title: 'a' })
    await lib.createNote({ notebookId: nb.id, title: 'b' })
    await lib.createNote({ title: 'in inbox' })
    expect(lib.listNotebooks().map((n) => n.noteCount)).toEqual([1, 2])
    expect(await deleteNotebook(lib, nb.id)).toBe(2)
    expect(lib.listNotebooks()).toEqual([expect.objectContaining({ id: 'inbox', noteCount: 1 })])
    expect(lib.listNotes().filter((s) => s.trashedAt).map((s) => s.title).sort()).toEqual(['a', 'b'])
    await restoreNotes(lib, [a.id])
    expect(lib.listNotebooks()[0]).toMatchObject({ id: 'inbox', noteCount: 2 })
    await lib.close()
    // No "Recovered" notebook comes back on reopen: no note names the deleted one any more.
    const again = await openLibrary(dir)
    expect(again.listNotebooks().map((n) => n.id)).toEqual(['inbox'])
    await again.close()
  })

  it('refuses to delete the Inbox or an unknown notebook, changing nothing', async () => {
    const lib = await openLibrary(tempDir())
    const note = await lib.createNote({ title: 'keep' })
    await expect(deleteNotebook(lib, 'inbox')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(deleteNotebook(lib, 'ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(lib.removeNotebook('inbox')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    expect((await lib.getNote(note.id)).trashedAt).toBeNull()
    await lib.close()
  })

  it('moves notes between notebooks and refuses an unknown notebook or note before writing', async () => {
    const lib = await openLibrary(tempDir())
    const nb = await lib.createNotebook('Later')
    const a = await lib.createNote({ title: 'a' })
    const b = await lib.createNote({ title: 'b' })
    await expect(moveNotes(lib, [a.id], 'nowhere')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(moveNotes(lib, [a.id, 'ffffffffffffffff'], nb.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await lib.getNote(a.id)).notebookId).toBe('inbox')
    expect(await moveNotes(lib, [a.id, b.id, a.id], nb.id)).toBe(2)
    expect(await moveNotes(lib, [a.id], nb.id)).toBe(0) // already there: no write
    expect((await lib.getNote(a.id)).revision).toBe(2)
    expect(lib.listNotebooks().map((n) => n.noteCount)).toEqual([0, 2])
    await lib.close()
  })
})

describe('tags', () => {
  it('renames a tag on every note carrying it, one write per note', async () => {
    const lib = await openLibrary(tempDir())
    const a = await lib.createNote({ tags: ['sales', 'q3'] })
    const b = await lib.createNote({ tags: ['Sales'] })
    const c = await lib.createNote({ tags: ['other'] })
    const writes: string[] = []
    lib.onChange((change) => writes.push(...change.noteIds))
    expect(await renameTag(lib, 'sales', 'revenue')).toBe(2)
    expect(writes.sort()).toEqual([a.id, b.id].sort())
    expect((await lib.getNote(a.id)).tags).toEqual(['revenue', 'q3'])
    expect((await lib.getNote(b.id)).tags).toEqual(['revenue'])
    expect((await lib.getNote(c.id)).revision).toBe(1)
    await lib.close()
  })

  it('merges into an existing tag, keeping one copy on notes that had both', async () => {
    const lib = await openLibrary(tempDir())
    const both = await lib.createNote({ tags: ['todo', 'next', 'x'] })
    const one = await lib.createNote({ tags: ['todo'] })
    expect(await renameTag(lib, 'todo', 'next')).toBe(2)
    expect((await lib.getNote(both.id)).tags).toEqual(['next', 'x'])
    expect((await lib.getNote(one.id)).tags).toEqual(['next'])
    await lib.close()
  })

  it('refuses a bad or unknown tag without touching any note', async () => {
    const lib = await openLibrary(tempDir())
    const note = await lib.createNote({ tags: ['a'] })
    await expect(renameTag(lib, 'a', 'has space')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    await expect(renameTag(lib, 'missing', 'b')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(addTag(lib, [note.id], '#x')).rejects.toMatchObject({ code: 'BAD_INPUT' })
    expect(await lib.getNote(note.id)).toMatchObject({ tags: ['a'], revision: 1 })
    expect(await addTag(lib, [note.id], 'b')).toBe(1)
    expect(await addTag(lib, [note.id], 'B')).toBe(0)
    expect((await lib.getNote(note.id)).tags).toEqual(['a', 'b'])
    await lib.close()
  })
})

describe('trash', () => {
  it('trashes and restores, with the injected clock stamping trashedAt', async () => {
    const time = clock('2026-03-01T09:00:00.000Z')
    const lib = await openLibrary(tempDir(), { now: time.now })
    const note = await lib.createNote({ title: 'x' })
    time.set('2026-03-02T10:00:00.000Z')
    expect(await trashNotes(lib, [note.id])).toBe(1)
    expect(await trashNotes(lib, [note.id])).toBe(0)
    expect((await lib.getNote(note.id)).trashedAt).toBe('2026-03-02T10:00:00.000Z')
    expect(lib.listNotebooks()[0]?.noteCount).toBe(0)
    expect(await restoreNotes(lib, [note.id])).toBe(1)
    expect((await lib.getNote(note.id)).trashedAt).toBeNull()
    await lib.close()
  })

  it('deletes forever only from the Trash, and the note stays gone after a crash and reopen', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const keep = await lib.createNote({ title: 'keep' })
    const gone = await lib.createNote({ title: 'gone' })
    await expect(deleteForever(lib, [gone.id])).rejects.toMatchObject({ code: 'CONFLICT' })
    await trashNotes(lib, [gone.id])
    expect(await deleteForever(lib, [gone.id])).toBe(1)
    await expect(lib.getNote(gone.id)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await lib.close()
    const again = await openLibrary(dir) // from the snapshot plus journal
    expect(again.listNotes().map((s) => s.id)).toEqual([keep.id])
    await again.close()
  })

  it('empties the Trash, leaving other notes alone', async () => {
    const lib = await openLibrary(tempDir())
    const a = await lib.createNote({ title: 'a' })
    const b = await lib.createNote({ title: 'b' })
    await lib.createNote({ title: 'c' })
    await trashNotes(lib, [a.id, b.id])
    expect(await emptyTrash(lib)).toBe(2)
    expect(lib.listNotes().map((s) => s.title)).toEqual(['c'])
    expect(await emptyTrash(lib)).toBe(0)
    await lib.close()
  })
})
