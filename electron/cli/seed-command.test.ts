import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../core'
import { searchSnapshotPath } from '../core/search/engine'
import { useTempDirs } from '../core/test-support/temp-dir'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()


describe('tickler seed', () => {
  it('writes the same library every time, ready to open with its snapshot and search index', async () => {
    const [a, b] = [tempDir(), tempDir()]
    expect((await cli('seed', '--notes', '300', '--data-dir', a)).code).toBe(0)
    expect((await cli('seed', '--notes', '300', '--data-dir', b, '--json')).out).toBe(
      JSON.stringify({ notes: 300, dataDir: b }),
    )
    const lib = await openLibrary(a, { readOnly: true })
    const notes = lib.listNotes()
    await lib.close()
    expect(notes).toHaveLength(300)
    const other = await openLibrary(b, { readOnly: true })
    expect(other.listNotes()).toEqual(notes)
    await other.close()
    expect(readdirSync(join(a, 'cache')).length).toBeGreaterThan(0)
    expect(existsSync(searchSnapshotPath(a))).toBe(true)
    const found = await cli('search', notes[0]!.title, '--data-dir', a, '--json')
    expect(JSON.parse(found.out).map((h: { id: string }) => h.id)).toContain(notes[0]!.id)
  })

  it('refuses a folder that holds notes, or no --data-dir, and changes nothing', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const mine = await lib.createNote({ title: 'Mine', doc: { type: 'doc', content: [] } })
    await lib.close()
    const refused = await cli('seed', '--notes', '100', '--data-dir', dir)
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('already holds notes') })
    const again = await openLibrary(dir, { readOnly: true })
    expect(again.listNotes().map((n) => n.id)).toEqual([mine.id])
    await again.close()
    expect((await cli('seed', '--notes', '100')).code).toBe(2)
    expect((await cli('seed', '--notes', 'x', '--data-dir', tempDir())).code).toBe(2)
  })

  it('refuses a folder whose note files do not parse, and leaves them as they were', async () => {
    const dir = tempDir()
    await (await openLibrary(dir)).close()
    writeFileSync(join(dir, 'notes', 'broken.json'), '{ not json')
    expect(await cli('seed', '--notes', '100', '--data-dir', dir)).toMatchObject({
      code: 1,
      err: expect.stringContaining('already holds notes'),
    })
  })
})
