import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../library'
import { bundleChild } from '../test-support/bundle-child'
import { useTempDirs } from '../test-support/temp-dir'
import { IMPORT_LOG_DIR } from './import-log'
import { importer } from './test-support'

const tempDir = useTempDirs()
const NOTES = 1200
let childScript = ''
let enex = ''

/** An Evernote export of NOTES notes, each with a picture of its own (so a rollback has files to remove). */
function bigEnex(path: string): string {
  const notes = Array.from({ length: NOTES }, (_, i) => {
    const picture = Buffer.alloc(600, i % 251).toString('base64')
    const md5 = createHash('md5').update(Buffer.alloc(600, i % 251)).digest('hex')
    return `<note><title>Note ${i}</title><created>20240101T000000Z</created><content><![CDATA[<en-note><div>body ${i}</div><en-media type="image/png" hash="${md5}"/></en-note>]]></content><resource><data encoding="base64">${picture}</data><mime>image/png</mime><resource-attributes><file-name>p${i}.png</file-name></resource-attributes></resource></note>`
  })
  writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?>\n<en-export>\n${notes.join('\n')}\n</en-export>\n`)
  return path
}

// Shared by both tests, so not one of the per-test folders.
const shared = mkdtempSync(join(tmpdir(), 'tickler-import-crash-'))
beforeAll(async () => {
  childScript = await bundleChild('import-crash-child.ts', shared)
  enex = bigEnex(join(shared, 'big.enex'))
}, 60_000)
afterAll(() => rmSync(shared, { recursive: true, force: true }))

/** Starts the import in a child process and SIGKILLs it once at least `after` notes are written. */
function importUntilKilled(dir: string, onFault: 'keep' | 'rollback', after: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, enex, onFault], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const counts = [...out.matchAll(/imported (\d+)/g)].map((m) => Number(m[1]))
      if (counts.some((n) => n >= after)) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`the import ended by itself: ${out.slice(-500)} ${stderr}`)),
    )
  })
}

const leftovers = (dir: string) => ({
  temporaries: readdirSync(join(dir, 'cache')).filter((n) => n.startsWith('import')),
  logs: existsSync(join(dir, IMPORT_LOG_DIR)) ? readdirSync(join(dir, IMPORT_LOG_DIR)) : [],
})

describe('an import killed with SIGKILL halfway', () => {
  it('started with rollback: the next open removes its notes, pictures, notebook and temporary files; importing again gives each note once', async () => {
    const dir = tempDir()
    await importUntilKilled(dir, 'rollback', 40)
    expect(leftovers(dir).temporaries.length).toBeGreaterThan(0) // the crash really left its mess

    const lib = await openLibrary(dir)
    expect(lib.listNotes()).toEqual([])
    expect(lib.report.imports).toEqual([expect.objectContaining({ file: 'big.enex', outcome: 'rolled-back', notes: expect.any(Number) })])
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
    await importUntilKilled(dir, 'keep', 30)
    const lib = await openLibrary(dir)
    const [found] = lib.report.imports
    expect(found).toMatchObject({ file: 'big.enex', outcome: 'resumable' })
    expect(lib.listNotes()).toHaveLength(found!.notes)
    expect(leftovers(dir).temporaries).toEqual([])
    await lib.close()

    // Resumed in a child that is killed again; the second resume finishes the file.
    const out = await importUntilKilled(dir, 'keep', 20)
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
})
