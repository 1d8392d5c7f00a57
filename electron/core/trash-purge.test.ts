import { existsSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from './library'
import { trashNotes } from './library-actions'
import { purgeLogPath } from './trash-purge'
import { useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()
const at = (iso: string) => () => new Date(iso)

describe('trash purge', () => {
  it('purges notes trashed more than 30 days before open, logging each one first', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir, { now: at('2026-01-01T00:00:00.000Z') })
    const old = await lib.createNote({ title: 'Old "quote"' })
    const live = await lib.createNote({ title: 'live' })
    await trashNotes(lib, [old.id])
    await lib.close()

    // Exactly 30 days later it is still kept.
    const day30 = await openLibrary(dir, { now: at('2026-01-31T00:00:00.000Z') })
    expect(day30.report.purged).toEqual([])
    await day30.close()
    expect(existsSync(purgeLogPath(dir))).toBe(false)

    const day31 = await openLibrary(dir, { now: at('2026-02-01T00:00:01.000Z') })
    expect(day31.report.purged).toEqual([{ id: old.id, title: 'Old "quote"', trashedAt: '2026-01-01T00:00:00.000Z' }])
    expect(day31.listNotes().map((s) => s.id)).toEqual([live.id])
    expect(existsSync(join(dir, 'notes', `${old.id}.json`))).toBe(false)
    await day31.close()
    const log = readFileSync(purgeLogPath(dir), 'utf8')
    expect(log).toBe(`2026-02-01T00:00:01.000Z\tpurge\t${old.id}\ttrashed 2026-01-01T00:00:00.000Z\t"Old \\"quote\\""\n`)
  })

  it('never purges on a read-only open (the CLI reading while the app runs)', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir, { now: at('2026-01-01T00:00:00.000Z') })
    const note = await lib.createNote({ title: 'x' })
    await trashNotes(lib, [note.id])
    await lib.close()
    const reader = await openLibrary(dir, { now: at('2026-06-01T00:00:00.000Z'), readOnly: true })
    expect(reader.report.purged).toEqual([])
    expect(reader.listNotes()).toHaveLength(1)
    await reader.close()
  })

  it('keeps the trashed note when the log cannot be written (nothing goes unlisted)', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir, { now: at('2026-01-01T00:00:00.000Z') })
    const note = await lib.createNote({ title: 'x' })
    await trashNotes(lib, [note.id])
    await lib.close()
    // A file where the logs folder should be makes the log append fail.
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, 'logs'), 'not a folder')
    const again = await openLibrary(dir, { now: at('2026-03-01T00:00:00.000Z') })
    expect(again.report.purged).toEqual([])
    expect(again.listNotes()).toHaveLength(1)
    await again.close()
    unlinkSync(join(dir, 'logs'))
  })
})
