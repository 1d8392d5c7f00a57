import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attachmentsIn, type AttachmentRef } from '../../shared/domain/attachment'
import { openLibrary } from '../library'
import { importCrashChild, importUntilKilled, writeBigEnex } from '../test-support/import-crash'
import { useTempDirs } from '../test-support/temp-dir'
import { IMPORT_LOG_DIR } from './import-log'
import { importer } from './test-support'

const tempDir = useTempDirs()
const NOTES = 1200
let childScript = ''
let enex = ''

// Shared by both tests, so not one of the per-test folders.
const shared = mkdtempSync(join(tmpdir(), 'tickler-import-crash-'))
beforeAll(async () => {
  childScript = await importCrashChild(shared)
  enex = writeBigEnex(join(shared, 'big.enex'), NOTES)
}, 60_000)
afterAll(() => rmSync(shared, { recursive: true, force: true }))

const killedAfter = (dir: string, onFault: 'keep' | 'rollback', after: number) =>
  importUntilKilled(childScript, dir, enex, onFault, after)

const leftovers = (dir: string) => ({
  temporaries: readdirSync(join(dir, 'cache')).filter((n) => n.startsWith('import')),
  logs: existsSync(join(dir, IMPORT_LOG_DIR)) ? readdirSync(join(dir, IMPORT_LOG_DIR)) : [],
})

describe('an import killed with SIGKILL halfway', () => {
  it('started with rollback: the next open removes its notes, pictures, notebook and temporary files; importing again gives each note once', async () => {
    const dir = tempDir()
    await killedAfter(dir, 'rollback', 40)
    expect(leftovers(dir).temporaries.length).toBeGreaterThan(0) // the crash really left its mess

    const lib = await openLibrary(dir)
    expect(lib.listNotes()).toEqual([])
    expect(lib.report.imports).toEqual([
      expect.objectContaining({ file: 'big.enex', outcome: 'rolled-back', notes: expect.any(Number) }),
    ])
    expect(lib.report.imports[0]!.notes).toBeGreaterThanOrEqual(40)
    expect(lib.listNotebooks().map((nb) => nb.name)).toEqual(['Inbox'])
    expect(existsSync(join(dir, 'attachments')) ? readdirSync(join(dir, 'attachments')) : []).toEqual([])
    expect(leftovers(dir)).toEqual({ temporaries: [], logs: [] })
    await lib.close()

    const { library, importFile } = await importer(dir)
    const again = await importFile(enex, { onFault: 'rollback' })
    expect(again).toMatchObject({ status: 'done', imported: NOTES, resumedAfter: 0 })
    const titles = library.listNotes().map((n) => n.title)
    expect(new Set(titles).size).toBe(NOTES)
    await library.close()
  }, 120_000)

  it('kept: the next open says it can be resumed, and importing the file again adds only the notes it had not reached, even after a second kill', async () => {
    const dir = tempDir()
    await killedAfter(dir, 'keep', 30)
    const lib = await openLibrary(dir)
    const [found] = lib.report.imports
    expect(found).toMatchObject({ file: 'big.enex', outcome: 'resumable' })
    expect(lib.listNotes()).toHaveLength(found!.notes)
    expect(leftovers(dir).temporaries).toEqual([])
    await lib.close()

    // Resumed in a child that is killed again; the second resume finishes the file.
    const out = await killedAfter(dir, 'keep', 20)
    expect(out).toContain('"outcome":"resumable"')
    const { library, importFile } = await importer(dir)
    const before = library.listNotes().length
    expect(before).toBeGreaterThan(found!.notes)
    const finished = await importFile(enex)
    expect(finished).toMatchObject({ status: 'done', resumedAfter: before, imported: NOTES - before })
    const titles = library.listNotes().map((n) => n.title)
    expect(titles).toHaveLength(NOTES)
    expect(new Set(titles).size).toBe(NOTES)
    expect(leftovers(dir).logs).toEqual([])
    expect(await importFile(enex)).toMatchObject({ status: 'already-imported' })
    await library.close()
  }, 120_000)

  it('in the middle of writing a batch (some of its note files in place): nothing reported imported is lost, and carrying on duplicates nothing', async () => {
    const dir = tempDir()
    const out = await importUntilKilled(childScript, dir, enex, 'keep', Infinity, 'mid-batch')
    const acknowledged = Math.max(...[...out.matchAll(/imported (\d+)/g)].map((m) => Number(m[1])))
    const placed = Number(/placed (\d+)/.exec(out)?.[1])
    expect(acknowledged).toBeGreaterThan(0)
    expect(placed).toBeGreaterThan(0)
    // The crash really left note files of the batch it was committing.
    expect(readdirSync(join(dir, 'notes'))).toHaveLength(acknowledged + placed)

    const lib = await openLibrary(dir)
    expect(lib.report.imports).toEqual([expect.objectContaining({ outcome: 'resumable', notes: acknowledged })])
    const kept = lib.listNotes().map((n) => n.title)
    expect(new Set(kept)).toEqual(new Set(Array.from({ length: acknowledged }, (_, i) => `Note ${i}`)))
    expect(readdirSync(join(dir, 'attachments')).filter((n) => n.startsWith('.tmp-'))).toEqual([])
    await lib.close()

    const { library, importFile } = await importer(dir)
    expect(await importFile(enex)).toMatchObject({ status: 'done', resumedAfter: acknowledged, imported: NOTES - acknowledged })
    const titles = library.listNotes().map((n) => n.title)
    expect(titles).toHaveLength(NOTES)
    expect(new Set(titles).size).toBe(NOTES)
    // Every note's picture is in the store (the file's pictures repeat, so there are fewer files than notes).
    const shown = new Map<string, AttachmentRef>()
    for (const n of library.listNotes()) attachmentsIn((await library.getNote(n.id)).doc.content, shown)
    expect(shown.size).toBeGreaterThan(0)
    expect(readdirSync(join(dir, 'attachments')).sort()).toEqual([...shown.keys()].sort())
    await library.close()
  }, 120_000)
})
