import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBoardStore } from '../boards/store'
import { useTempDirs } from '../test-support/temp-dir'
import { runImport } from './run-import'
import { OWN_FIXTURES, importer } from './test-support'

const tempDir = useTempDirs()
const attachments = (dir: string) =>
  existsSync(join(dir, 'attachments')) ? readdirSync(join(dir, 'attachments')) : []

function truncatedEnex(dir: string): string {
  const full = readFileSync(join(OWN_FIXTURES, 'full.enex'), 'utf8')
  const path = join(dir, 'cut.enex')
  writeFileSync(path, full.slice(0, full.indexOf('Call the landlord')))
  return path
}

describe('rolling back a broken import', () => {
  it('removes the attachments it stored along with its notes', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const s = await importFile(truncatedEnex(dir), { onFault: 'rollback' })
    expect(s).toMatchObject({ status: 'failed', rolledBack: 1, imported: 0 })
    expect(library.listNotes()).toHaveLength(0)
    expect(attachments(dir)).toEqual([])
    await library.close()
  })

  it('never removes an attachment that was stored before the import, which other notes use', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const first = await importFile(join(OWN_FIXTURES, 'full.enex'))
    expect(first.status).toBe('done')
    const before = attachments(dir)
    expect(before.length).toBeGreaterThan(0)
    const s = await importFile(truncatedEnex(dir), { onFault: 'rollback', allowDuplicate: true })
    expect(s).toMatchObject({ status: 'failed', rolledBack: 1 })
    expect(attachments(dir).sort()).toEqual(before.sort())
    expect(library.listNotes()).toHaveLength(first.imported)
    await library.close()
  })

  it('removes the board a cancelled Trello import made, with its notebook', async () => {
    const dir = tempDir()
    const { library, store } = await importer(dir)
    const abort = new AbortController()
    const boards = await openBoardStore(dir)
    const s = await runImport(
      {
        library,
        store: (b, n, m, w, batch) => store.add(b, n, m, w, batch),
        tempRoot: dir,
        // The user cancels just after the board appears.
        createBoard: async (name, columns) => {
          const board = await boards.create(name, columns, library.now())
          abort.abort()
          return board
        },
        removeBoard: (id) => boards.remove(id),
      },
      {
        jobId: 'j1',
        path: join(OWN_FIXTURES, 'board.json'),
        name: 'board.json',
        options: { onFault: 'rollback' },
        signal: abort.signal,
      },
    )
    expect(s.status).toBe('cancelled')
    expect(s.board).toBeNull()
    expect(boards.list()).toEqual([])
    expect(library.listNotebooks().map((nb) => nb.name)).toEqual(['Inbox'])
    await library.close()
  })
})
