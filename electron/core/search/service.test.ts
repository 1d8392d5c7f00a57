import { existsSync, writeFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'
import { openBoardStore } from '../boards/store'
import { openLibrary } from '../library'
import { paragraph, useTempDirs } from '../test-support/temp-dir'
import { searchSnapshotPath } from './engine'
import { createSearch, type SearchService } from './service'

const tempDir = useTempDirs()
const titles = async (search: SearchService, query: string) =>
  (await search.query(query, 20)).hits.map((h) => h.title)

describe('search service', () => {
  it('follows saves, trash and restore without a rebuild, in a worker thread', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const note = await lib.createNote({ title: 'Quarterly review', doc: paragraph('Budget numbers for Q3') })
    const search = createSearch(lib)
    expect((await search.ready).fromSnapshot).toBe(false)
    expect(await titles(search, 'budget')).toEqual(['Quarterly review'])

    await lib.updateNote(note.id, { doc: paragraph('Hiring plan instead') })
    expect(await titles(search, 'budget')).toEqual([])
    expect(await titles(search, 'hiring')).toEqual(['Quarterly review'])

    await lib.mutateNote(note.id, (n) => ({ ...n, trashedAt: '2025-05-01T00:00:00.000Z' }))
    expect(await titles(search, 'hiring')).toEqual([])
    expect(await titles(search, 'hiring in:trash')).toEqual(['Quarterly review'])
    await lib.mutateNote(note.id, (n) => ({ ...n, trashedAt: null }))
    expect(await titles(search, 'hiring')).toEqual(['Quarterly review'])

    await search.close()
    await lib.close()
  })

  it('indexes a save and a delete from the change itself, reading no note back from disk', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const note = await lib.createNote({ title: 'Supplier call', doc: paragraph('pricing for pallets') })
    const search = createSearch(lib)
    await search.ready
    const reads = vi.spyOn(lib, 'getNote')
    await lib.updateNote(note.id, { doc: paragraph('pricing for crates') })
    await expect.poll(() => titles(search, 'crates')).toEqual(['Supplier call'])
    expect(await titles(search, 'pallets')).toEqual([])
    await lib.deleteNoteForever(note.id)
    await expect.poll(() => titles(search, 'crates')).toEqual([])
    expect(reads).toHaveBeenCalledTimes(1) // the library's own read of the note it updates; search's none
    await search.close()
    await lib.close()
  })

  it('re-indexes the notes of a renamed notebook, so its new name finds them and the old one does not', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const book = await lib.createNotebook('Zephyrine')
    await lib.createNote({ title: 'Kickoff', notebookId: book.id, doc: paragraph('agenda') })
    const search = createSearch(lib, { inline: true })
    await search.ready
    expect(await titles(search, 'zephyrine')).toEqual(['Kickoff'])
    await lib.renameNotebook(book.id, '고객사 Quokka')
    await expect.poll(() => titles(search, 'quokka')).toEqual(['Kickoff'])
    expect(await titles(search, 'zephyrine')).toEqual([])
    expect(await titles(search, '고객사')).toEqual(['Kickoff'])
    await search.close()
    await lib.close()
  })

  it('filters by board (name or id) and by attachment', async () => {
    const dir = tempDir()
    const lib = await openLibrary(dir)
    const boards = await openBoardStore(dir)
    const board = await boards.create('Sales pipeline', [{ name: 'To do', done: false }], lib.now())
    const card = await lib.createNote({ title: 'Acme renewal', doc: paragraph('renewal call') })
    await lib.mutateNote(card.id, (n) => ({
      ...n,
      board: { boardId: board.id, columnId: board.columns[0]!.id, rank: 'm' },
    }))
    await lib.createNote({ title: 'Home renewal', doc: paragraph('renewal of the lease') })
    await lib.createNote({
      title: 'Scanned contract',
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              {
                type: 'attachment',
                attrs: { file: `${'a'.repeat(64)}.pdf`, name: 'c.pdf', size: 1, mime: 'application/pdf' },
              },
            ],
          },
        ],
      },
    })
    const search = createSearch(lib, { inline: true })
    await search.ready
    expect(await titles(search, 'renewal board:"sales pipeline"')).toEqual(['Acme renewal'])
    expect(await titles(search, `renewal board:${board.id}`)).toEqual(['Acme renewal'])
    expect((await titles(search, 'renewal -board:"Sales pipeline"')).sort()).toEqual(['Home renewal'])
    expect(await titles(search, 'has:attachment')).toEqual(['Scanned contract'])
    expect((await search.query('board:Nowhere', 20)).hits).toEqual([])
    await search.close()
    await lib.close()
  })

  it('reopens from its snapshot, reading only notes changed meanwhile', async () => {
    const dir = tempDir()
    let lib = await openLibrary(dir)
    await lib.createNote({ title: 'Alpha', doc: paragraph('first note') })
    const beta = await lib.createNote({ title: 'Beta', doc: paragraph('second note') })
    let search = createSearch(lib, { inline: true })
    await search.ready
    await search.close()
    expect(existsSync(searchSnapshotPath(dir))).toBe(true)
    // Changed while search was closed (as the CLI might): the snapshot now holds an old revision.
    await lib.updateNote(beta.id, { doc: paragraph('edited offline') })
    await lib.close()

    lib = await openLibrary(dir)
    search = createSearch(lib, { inline: true })
    const report = await search.ready
    expect(report).toMatchObject({ fromSnapshot: true, indexed: 1 })
    expect(await titles(search, 'offline')).toEqual(['Beta'])
    expect(await titles(search, 'second')).toEqual([])
    await search.close()
    await lib.close()
  })

  it('rebuilds from the notes when the snapshot is broken', async () => {
    const dir = tempDir()
    let lib = await openLibrary(dir)
    await lib.createNote({ title: 'Gamma', doc: paragraph('survives a broken cache') })
    let search = createSearch(lib, { inline: true })
    await search.ready
    await search.close()
    await lib.close()
    writeFileSync(searchSnapshotPath(dir), 'TKSI garbage that is not an index')

    lib = await openLibrary(dir)
    search = createSearch(lib, { inline: true })
    const report = await search.ready
    expect(report.fromSnapshot).toBe(false)
    expect(report.rebuildReason).toMatch(/checksum|version|snapshot/)
    expect(await titles(search, 'cache')).toEqual(['Gamma'])
    await search.close()
    await lib.close()
  })

  it('answers only the newest of queries sent while one is running', async () => {
    const lib = await openLibrary(tempDir())
    await lib.createNote({ title: 'Delta', doc: paragraph('superseded queries') })
    const search = createSearch(lib, { inline: true })
    await search.ready
    const [first, second, third] = await Promise.all([
      search.query('delta', 5),
      search.query('superseded', 5),
      search.query('queries', 5),
    ])
    expect(first.hits).toHaveLength(1)
    expect(second.superseded).toBe(true)
    expect(third.hits.map((h) => h.title)).toEqual(['Delta'])
    await search.close()
    await lib.close()
  })
})
