import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from './library'
import { NoteFiles } from './note-files'
import { snapshotPath } from './snapshot'
import { paragraph, useTempDirs } from './test-support/temp-dir'

const tempDir = useTempDirs()

/** A library inside `root/lib`, closed with a snapshot, and a file beside it that no writer may touch. */
async function libraryBesideAFile() {
  const root = tempDir()
  const dir = join(root, 'lib')
  mkdirSync(join(root, 'outside'))
  const outside = join(root, 'outside', 'x.json')
  writeFileSync(outside, 'not a note, and not the library’s')
  const lib = await openLibrary(dir)
  const kept = await lib.createNote({ title: 'kept', doc: paragraph('fine') })
  await lib.close()
  const { coversJournalsBelow } = JSON.parse(readFileSync(snapshotPath(join(dir, 'cache')), 'utf8')) as { coversJournalsBelow: number }
  const journal = join(dir, 'cache', `journal-${coversJournalsBelow}.log`)
  return { dir, outside, kept, journal }
}

describe('ids read from disk name files only when they are note ids', () => {
  it('a journal line "../../outside/x" makes no writer read, move or rename a file outside the library', async () => {
    const { dir, outside, kept, journal } = await libraryBesideAFile()
    writeFileSync(journal, `../../outside/x\n..\\..\\outside\\x\n/etc/passwd\n${kept.id}\n`)
    const lib = await openLibrary(dir)
    await lib.reconciled
    expect(existsSync(outside)).toBe(true)
    expect(readFileSync(outside, 'utf8')).toBe('not a note, and not the library’s')
    expect(existsSync(join(dir, 'corrupt'))).toBe(false)
    expect(lib.report.corrupt).toEqual([])
    expect(lib.listNotes().map((n) => n.title)).toEqual(['kept'])
    await lib.close()
  })

  it('the note files refuse to turn anything but a note id into a path', () => {
    const files = new NoteFiles(tempDir())
    expect(() => files.pathOf('../../outside/x')).toThrow(/not a note id/)
    expect(() => files.pathOf('')).toThrow(/not a note id/)
    expect(files.pathOf('00000000000000aa')).toMatch(/00000000000000aa\.json$/)
  })
})
