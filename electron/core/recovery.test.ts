import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from './library'
import { paragraph, useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()

describe('a file that does not parse', () => {
  it('is moved aside, reported by name, never overwritten, and the rest of the library opens', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const good = await lib.createNote({ title: 'good', doc: paragraph('fine') })
    await lib.close()
    const badPath = join(dir, 'notes', '00000000000000aa.json')
    writeFileSync(badPath, '{"schemaVersion": 1, "id": "00000000000000aa", "title": "half wri')
    writeFileSync(join(dir, 'notes', '00000000000000bb.json'), JSON.stringify({ schemaVersion: 1, id: 'wrong' }))

    const again = await openLibrary(dir)
    await again.reconciled
    expect(again.report.corrupt).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: join('notes', '00000000000000aa.json'), reason: expect.stringMatching(/not valid JSON/) }),
        expect.objectContaining({ file: join('notes', '00000000000000bb.json'), reason: expect.stringMatching(/not a valid note/) }),
      ]),
    )
    expect(again.report.corrupt).toHaveLength(2)
    expect(again.listNotes().map((s) => s.id)).toEqual([good.id])
    const moved = again.report.corrupt.find((c) => c.file.endsWith('aa.json'))!
    expect(readFileSync(join(dir, moved.movedTo), 'utf8')).toContain('half wri')
    expect(existsSync(badPath)).toBe(false)
    await again.close()
  })

  it('read-only opens report it but leave it where it is', async () => {
    const dir = tempDir()
    await (await openLibrary(dir)).close()
    writeFileSync(join(dir, 'notes', '00000000000000aa.json'), 'not json')
    const ro = await openLibrary(dir, { readOnly: true })
    await ro.reconciled
    expect(ro.report.corrupt.map((c) => c.movedTo)).toEqual([''])
    expect(existsSync(join(dir, 'notes', '00000000000000aa.json'))).toBe(true)
    await expect(ro.createNote({ title: 'x' })).rejects.toMatchObject({ code: 'LOCKED' })
    await ro.close()
  })

  it('library.json unreadable: moved aside, notebooks its notes use are recovered', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const clients = await lib.createNotebook('Clients')
    await lib.createNote({ notebookId: clients.id, title: 'in clients' })
    await lib.close()
    writeFileSync(join(dir, 'library.json'), '{"schemaVersion":1,"notebooks":[{')
    const again = await openLibrary(dir)
    expect(again.report.corrupt).toEqual([expect.objectContaining({ file: 'library.json' })])
    expect(again.listNotebooks().map((nb) => nb.id).sort()).toEqual([clients.id, 'inbox'].sort())
    expect(readdirSync(join(dir, 'corrupt')).some((n) => n.startsWith('library.'))).toBe(true)
    await again.close()
  })
})

describe('one writer', () => {
  it('a second writer gets a clear LOCKED error; readers still work', async () => {
    const dir = tempDir()
    const app = await openLibrary(dir, { holder: 'app' })
    await app.createNote({ title: 'mine' })
    await expect(openLibrary(dir, { holder: 'cli' })).rejects.toMatchObject({
      code: 'LOCKED',
      message: expect.stringMatching(/in use by the Tickler app \(process \d+/),
    })
    const reader = await openLibrary(dir, { readOnly: true })
    expect(reader.listNotes()).toHaveLength(1)
    await reader.close()
    await app.close()
    const next = await openLibrary(dir, { holder: 'cli' })
    await next.close()
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir()
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid
    writeFileSync(join(dir, '.lock'), JSON.stringify({ pid: dead, holder: 'app', host: hostname(), since: '' }))
    const lib = await openLibrary(dir)
    expect(JSON.parse(readFileSync(join(dir, '.lock'), 'utf8')).pid).toBe(process.pid)
    await lib.close()
  })
})

describe('schema versions', () => {
  it('upgrades a version-0 note through every step and rewrites it at the current version', async () => {
    const dir = tempDir()
    await (await openLibrary(dir)).close()
    const legacy = { id: '00000000000000c0', title: 'Old', body: '첫 줄\nsecond line', notebook: 'inbox', tags: ['old'], created: '2020-01-02T03:04:05.000Z' }
    writeFileSync(join(dir, 'notes', '00000000000000c0.json'), JSON.stringify(legacy))
    const lib = await openLibrary(dir)
    await lib.reconciled
    expect(lib.report.migrated).toBe(1)
    const note = await lib.getNote('00000000000000c0')
    expect(note).toMatchObject({ schemaVersion: 3, followUp: null, history: [], board: null, title: 'Old', text: '첫 줄\nsecond line', tags: ['old'], createdAt: legacy.created, updatedAt: legacy.created })
    expect(JSON.parse(readFileSync(join(dir, 'notes', '00000000000000c0.json'), 'utf8')).schemaVersion).toBe(3)
    await lib.close()
  })

  it('leaves a note from a newer Tickler untouched and says so', async () => {
    const dir = tempDir()
    await (await openLibrary(dir)).close()
    const future = JSON.stringify({ schemaVersion: 99, id: '00000000000000f9', title: 'from the future' })
    writeFileSync(join(dir, 'notes', '00000000000000f9.json'), future)
    const lib = await openLibrary(dir)
    await lib.reconciled
    expect(lib.report.corrupt).toEqual([expect.objectContaining({ movedTo: '', reason: expect.stringMatching(/newer Tickler/) })])
    expect(readFileSync(join(dir, 'notes', '00000000000000f9.json'), 'utf8')).toBe(future)
    await lib.close()
  })
})
