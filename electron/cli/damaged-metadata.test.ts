import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli } from './testing/run-cli'
import { openLibrary } from '../core/library'
import { readSnapshot, snapshotPath } from '../core/snapshot'
import { paragraph, useTempDirs } from '../core/test-support/temp-dir'

const tempDir = useTempDirs()


/** A library with a note in a notebook of its own and one with a follow-up, closed with a snapshot. */
async function library() {
  const dir = tempDir()
  const lib = await openLibrary(dir)
  const clients = await lib.createNotebook('Clients')
  const note = await lib.createNote({ notebookId: clients.id, title: 'Quote', doc: paragraph('send it') })
  const due = await lib.mutateNote(note.id, (n) => ({
    ...n,
    followUp: { dueAt: '2026-03-02T09:00:00.000Z', waitingOn: null, owner: null, attempt: 1, standard: null },
  }))
  await lib.close()
  return { dir, clients, note: due }
}

describe('library.json that parses but is not a library', () => {
  for (const text of ['{}', '[]', '{"notebooks":"x"}', '{"schemaVersion":1,"notebooks":[{"id":"../x"}]}']) {
    it(`${text}: moved aside and reported, the notebooks its notes use come back, every command works`, async () => {
      const { dir, clients } = await library()
      writeFileSync(join(dir, 'library.json'), text)
      const listed = await cli('list', '--data-dir', dir, '--json')
      expect(listed.code).toBe(0)
      expect(listed.err).toMatch(/warning: library\.json could not be read \(unexpected content/)
      expect(JSON.parse(listed.out).map((n: { title: string }) => n.title)).toEqual(['Quote'])
      expect((await cli('ics', '--data-dir', dir)).code).toBe(0)

      const lib = await openLibrary(dir)
      expect(lib.report.corrupt).toEqual([expect.objectContaining({ file: 'library.json', reason: expect.stringMatching(/unexpected content/) })])
      expect(lib.listNotebooks().map((nb) => nb.id).sort()).toEqual([clients.id, 'inbox'].sort())
      const moved = lib.report.corrupt[0]!.movedTo
      expect(readFileSync(join(dir, moved), 'utf8')).toBe(text) // kept as it was, never overwritten
      await lib.createNote({ notebookId: clients.id, title: 'still works' })
      await lib.close()
    })
  }

  it('a library.json from a newer Tickler is refused, not moved aside', async () => {
    const { dir } = await library()
    writeFileSync(join(dir, 'library.json'), '{"schemaVersion":7,"notebooks":"a new shape"}')
    await expect(openLibrary(dir)).rejects.toThrow(/newer Tickler \(schema 7\)/)
    expect(existsSync(join(dir, 'corrupt'))).toBe(false)
  })
})

describe('a start-up snapshot with values of the wrong type', () => {
  it('is not trusted: the note list is rebuilt from the notes and the snapshot is replaced', async () => {
    const { dir, note } = await library()
    const path = snapshotPath(join(dir, 'cache'))
    const file = JSON.parse(readFileSync(path, 'utf8'))
    file.columns.title = [42]
    file.columns.followUp = ['tomorrow']
    file.columns.tags = ['sales']
    writeFileSync(path, JSON.stringify(file))

    const listed = await cli('list', '--data-dir', dir, '--json')
    expect(listed.code).toBe(0)
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ id: note.id, title: 'Quote', tags: [] })])
    const ics = await cli('ics', '--data-dir', dir)
    expect(ics).toMatchObject({ code: 0 })
    expect(ics.out).toContain('SUMMARY:Quote')

    const lib = await openLibrary(dir)
    expect(lib.report.fromSnapshot).toBe(false)
    await lib.close()
    expect(readSnapshot(join(dir, 'cache'))?.notes.map((n) => n.title)).toEqual(['Quote'])
  })
})

describe('a note whose follow-up is due at something that is not a date', () => {
  const damage = (dir: string, id: string) => {
    const path = join(dir, 'notes', `${id}.json`)
    const stored = JSON.parse(readFileSync(path, 'utf8'))
    stored.followUp.dueAt = 'next Tuesday-ish'
    writeFileSync(path, JSON.stringify(stored))
  }

  it('read while the snapshot still lists it: show says why, the app sets it aside, ics still works', async () => {
    const { dir, note } = await library()
    damage(dir, note.id)
    const shown = await cli('show', note.id, '--data-dir', dir)
    expect(shown.code).toBe(1)
    expect(shown.err).toMatch(/could not be read \(not a valid note \(followUp\.dueAt/)
    expect((await cli('ics', '--data-dir', dir)).code).toBe(0)

    const lib = await openLibrary(dir)
    await expect(lib.getNote(note.id)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/moved to corrupt/) })
    expect(lib.listNotes()).toEqual([])
    expect(lib.report.corrupt).toEqual([expect.objectContaining({ file: join('notes', `${note.id}.json`) })])
    await lib.close()
    expect(readdirSync(join(dir, 'corrupt'))).toHaveLength(1)
  })

  it('read when the list is rebuilt: reported and moved aside like a file that does not parse', async () => {
    const { dir, note } = await library()
    damage(dir, note.id)
    writeFileSync(snapshotPath(join(dir, 'cache')), 'gone')
    const ics = await cli('ics', '--data-dir', dir)
    expect(ics.code).toBe(0)
    expect(ics.err).toMatch(/warning: notes.*could not be read \(not a valid note \(followUp\.dueAt/)
    const lib = await openLibrary(dir)
    expect(lib.report.corrupt).toEqual([expect.objectContaining({ reason: expect.stringMatching(/followUp\.dueAt/) })])
    expect(lib.listNotes()).toEqual([])
    await lib.close()
  })
})

describe('every other document goes through the same check', () => {
  const cases = [
    { name: 'settings.json', open: (dir: string) => import('../core/settings').then((m) => m.openSettings(dir, false)) },
    { name: 'boards.json', open: (dir: string) => import('../core/boards/store').then((m) => m.openBoardStore(dir)) },
    { name: 'delivered.json', open: (dir: string) => import('../core/followups/delivered').then((m) => m.openDelivered(dir, false)) },
  ]
  for (const { name, open } of cases) {
    it(`${name} that parses but has the wrong shape is moved aside and reported`, async () => {
      const dir = tempDir()
      writeFileSync(join(dir, name), '{"schemaVersion":1,"standards":"x","boards":{},"keys":7}')
      const store = await open(dir)
      expect(store.corrupt).toMatchObject({ file: name, reason: expect.stringMatching(/unexpected content/) })
      expect(readFileSync(join(dir, store.corrupt!.movedTo), 'utf8')).toContain('"standards":"x"')
    })
  }
})
