import { existsSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from './library'
import { paragraph, useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()

/** What a crash leaves: the process is gone, so its lock no longer counts. */
const simulateCrash = (dir: string) => unlinkSync(join(dir, '.lock'))

describe('library', () => {
  it('creates, updates and lists notes, deriving plain text from the document', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const note = await lib.createNote({ title: 'Call Kim', doc: paragraph('견적 회신 확인'), tags: ['sales', 'Sales'] })
    expect(note.text).toBe('견적 회신 확인')
    expect(note.tags).toEqual(['sales'])
    const updated = await lib.updateNote(note.id, { title: 'Call Kim again', baseRevision: note.revision })
    expect(updated.revision).toBe(note.revision + 1)
    expect(updated.text).toBe('견적 회신 확인')
    expect(lib.listNotes().map((s) => [s.id, s.title, s.snippet])).toEqual([[note.id, 'Call Kim again', '견적 회신 확인']])
    expect(lib.listNotebooks()).toEqual([expect.objectContaining({ id: 'inbox', name: 'Inbox', noteCount: 1 })])
    await lib.close()
  })

  it('refuses a save from an editor holding an older revision, keeping the newer text', async () => {
    const lib = await openLibrary(tempDir())
    const note = await lib.createNote({ doc: paragraph('first') })
    await lib.updateNote(note.id, { doc: paragraph('second'), baseRevision: 1 })
    await expect(lib.updateNote(note.id, { doc: paragraph('stale'), baseRevision: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    expect((await lib.getNote(note.id)).text).toBe('second')
    await lib.close()
  })

  it('applies a pure change in the write queue, and writes nothing when it returns the same note', async () => {
    const lib = await openLibrary(tempDir())
    const note = await lib.createNote({ title: 'x' })
    const done = await lib.mutateNote(note.id, (n) => ({ ...n, doneAt: '2026-01-01T00:00:00.000Z' }))
    expect(done).toMatchObject({ doneAt: '2026-01-01T00:00:00.000Z', revision: 2 })
    expect(lib.listNotes()[0]?.doneAt).toBe('2026-01-01T00:00:00.000Z')
    expect(await lib.mutateNote(note.id, (n) => n)).toMatchObject({ revision: 2 })
    await expect(lib.mutateNote(note.id, (n) => ({ ...n, id: 'other' }))).rejects.toThrow(/may not alter/)
    await lib.close()
  })

  it('reports unknown notes and notebooks by id', async () => {
    const lib = await openLibrary(tempDir())
    await expect(lib.getNote('0123456789abcdef')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(lib.createNote({ notebookId: 'nope' })).rejects.toThrow(/no notebook with id nope/)
    await lib.createNotebook('Clients')
    await expect(lib.createNotebook(' clients ')).rejects.toMatchObject({ code: 'CONFLICT' })
    await lib.close()
  })

  it('reopens from the snapshot and picks up saves made after it (journal replay)', async () => {
    const dir = tempDir()
    const first = await openLibrary(dir)
    const a = await first.createNote({ title: 'A' })
    await first.close()

    const second = await openLibrary(dir)
    expect(second.report.fromSnapshot).toBe(true)
    await second.updateNote(a.id, { title: 'A edited' })
    const b = await second.createNote({ title: 'B' })
    simulateCrash(dir) // no close: the snapshot on disk still says "A"

    const third = await openLibrary(dir)
    expect(third.report.fromSnapshot).toBe(true)
    expect(Object.fromEntries(third.listNotes().map((s) => [s.id, s.title]))).toEqual({ [a.id]: 'A edited', [b.id]: 'B' })
    await third.close()
  })

  it('notices note files added or removed behind its back (folder sync)', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const keep = await lib.createNote({ title: 'keep' })
    const gone = await lib.createNote({ title: 'gone' })
    await lib.close()
    const copy = JSON.parse(readFileSync(join(dir, 'notes', `${keep.id}.json`), 'utf8'))
    writeFileSync(join(dir, 'notes', 'ffffffffffffffff.json'), JSON.stringify({ ...copy, id: 'ffffffffffffffff', title: 'synced' }))
    unlinkSync(join(dir, 'notes', `${gone.id}.json`))
    const again = await openLibrary(dir)
    const changes: string[][] = []
    again.onChange((change) => changes.push(change.noteIds))
    await again.reconciled
    expect(again.listNotes().map((s) => s.title).sort()).toEqual(['keep', 'synced'])
    expect(changes.flat().sort()).toEqual([gone.id, 'ffffffffffffffff'].sort())
    await again.close()
  })

  it('falls back to reading every file when the snapshot is unreadable', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    await lib.createNote({ title: 'survivor' })
    await lib.close()
    writeFileSync(join(dir, 'cache', 'snapshot.json'), '{"version": 1, "notes": [tru')
    const again = await openLibrary(dir)
    expect(again.report.fromSnapshot).toBe(false)
    expect(again.listNotes().map((s) => s.title)).toEqual(['survivor'])
    expect(again.report.corrupt).toEqual([])
    await again.close()
  })

  it('leaves no temp files behind and cleans those a crash left', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    await lib.createNote({ title: 'x' })
    writeFileSync(join(dir, 'notes', '.tmp-abc.json.1234'), '{"half": ')
    simulateCrash(dir)
    const again = await openLibrary(dir)
    expect(readdirSync(join(dir, 'notes')).filter((n) => n.startsWith('.tmp-'))).toEqual([])
    expect(again.listNotes()).toHaveLength(1)
    await again.close()
    expect(existsSync(join(dir, '.lock'))).toBe(false)
  })
})
