import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOC_LIMITS } from '../../shared/model'
import { AttachmentStore } from '../attachments/store'
import { savesBack } from '../test-support/doc-limits'
import { useTempDirs } from '../test-support/temp-dir'
import { importFiles } from '../transfer/import'
import { importer } from './test-support'

/*
 * Every importer brings what it reads within DOC_LIMITS: nesting past the depth limit is flattened (every
 * word kept) or, past what the parser reads at all, cut, with a warning in the import's summary saying
 * which; a note still too big is skipped with the limit named. Never a crash, and every note imported
 * saves back through the contract unchanged.
 */
const tempDir = useTempDirs()
const FLATTENED = `it nested more than ${DOC_LIMITS.depth} levels deep; the deepest lists, quotes and tables became plain paragraphs`
const CUT = 'it nests lists or quotes more than 200 levels deep; the lines below that were left out'
const enex = (title: string, body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><en-export><note><title>${title}</title><content><![CDATA[<en-note>${body}</en-note>]]></content></note></en-export>`
const list = (levels: number, word: string) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- ${word} ${i}`).join('\n')

describe('Evernote import within the document limits', () => {
  it('700 nested lists import flattened, every word kept, with 150 tags cut to 100, and save back', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const body = '<ul><li>level</li>'.repeat(700) + '<li>bottom</li>' + '</ul>'.repeat(700)
    const tags = Array.from({ length: 150 }, (_, i) => `<tag>t${i}</tag>`).join('')
    const path = join(dir, 'deep.enex')
    writeFileSync(path, enex('Deep', body).replace('<content>', `${tags}<content>`))
    const s = await importFile(path)
    expect(s).toMatchObject({ status: 'done', imported: 1, skipped: [] })
    const note = await library.getNote(s.noteIds[0]!)
    expect(savesBack(note)).toBe(true)
    expect(note.tags).toHaveLength(100)
    expect(note.text.match(/level/g)).toHaveLength(700)
    expect(note.text).toMatch(/bottom$/)
    expect(s.warnings.map((w) => w.message)).toEqual([
      FLATTENED,
      'it has 150 tags; a note holds 100, so the first 100 were kept',
    ])
    await library.close()
  })

  it('100,000 nested elements import as flat text, and the import goes on to the next note', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const hostile = '<div><blockquote>'.repeat(50_000) + 'deep words' + '</blockquote></div>'.repeat(50_000)
    const path = join(dir, 'hostile.enex')
    writeFileSync(path, enex('Hostile', hostile).replace('</en-export>', `${enex('Next', 'fine').split('<en-export>')[1]}`))
    const s = await importFile(path)
    expect(s).toMatchObject({ status: 'done', imported: 2, skipped: [] })
    const [deep, next] = await Promise.all(s.noteIds.map((id) => library.getNote(id)))
    expect(deep!.text).toBe('deep words')
    expect(savesBack(deep!)).toBe(true)
    expect(next!.text).toBe('fine')
    expect(s.warnings).toEqual([{ item: 'note 1 (line 1) "Hostile"', message: FLATTENED }])
    await library.close()
  })

  it('a note body larger than a note can hold is skipped with the limit named; the others import', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const big = `<div>${'word '.repeat((DOC_LIMITS.bytes / 5) * 1.2)}</div>`
    const path = join(dir, 'big.enex')
    writeFileSync(path, enex('Big', big).replace('</en-export>', `${enex('Small', 'fine').split('<en-export>')[1]}`))
    const s = await importFile(path)
    expect(s).toMatchObject({ status: 'done', imported: 1 })
    expect(s.skipped).toEqual([
      { item: 'note 1 (line 1) "Big"', reason: 'The note cannot be saved: doc: the note is larger than 10 MB.' },
    ])
    expect(library.listNotes().map((n) => n.title)).toEqual(['Small'])
    await library.close()
  })
})

describe('Trello import within the document limits', () => {
  it('a card nested past the limits is flattened or cut as its summary says; a deep unknown field is harmless', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const path = join(dir, 'deep.json')
    const card = (id: string, name: string, desc: string) => ({ id, name, desc, idList: 'l1' })
    const board = JSON.stringify({
      name: 'Deep',
      lists: [{ id: 'l1', name: 'To do' }],
      cards: [card('c1', 'Lists', list(120, 'item')), card('c2', 'Quotes', `${'>'.repeat(100_000)} lost\n\nkept`)],
      extra: 'EXTRA',
    }).replace('"EXTRA"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    writeFileSync(path, board)
    const s = await importFile(path)
    expect(s).toMatchObject({ status: 'done', imported: 2, skipped: [] })
    const notes = new Map((await Promise.all(s.noteIds.map((id) => library.getNote(id)))).map((n) => [n.title, n]))
    expect(notes.get('Lists')!.text.match(/item \d+/g)).toHaveLength(120)
    expect(notes.get('Quotes')!.text).toBe('kept')
    for (const note of notes.values()) expect(savesBack(note)).toBe(true)
    expect(s.warnings).toEqual([
      { item: 'card "Lists"', message: FLATTENED },
      // What markdown-it read of the quotes was still too deep: cut below 200 levels, then flattened.
      { item: 'card "Quotes"', message: CUT },
      { item: 'card "Quotes"', message: FLATTENED },
    ])
    await library.close()
  })
})

describe('Markdown import within the document limits', () => {
  it('skips a file too big for a note with the limit named, and imports the rest', async () => {
    const dir = tempDir()
    const library = await openLibraryFor(dir)
    const files = [
      { path: 'big.md', data: Buffer.alloc(50 * 1024 * 1024, 'a') },
      // Under 10 MB of text, but each line becomes a paragraph node: a document past the size of a note…
      { path: 'long-lines.md', data: Buffer.from(`${'x'.repeat(200)}\n\n`.repeat(47_000)) },
      // …or past the parts one note may have.
      { path: 'short-lines.md', data: Buffer.from('a\n\n'.repeat(110_000)) },
      { path: 'plain.md', data: Buffer.from('# Plain\n\nfine') },
    ]
    const result = await importFiles(library, new AttachmentStore(dir), files)
    expect(result.skipped).toEqual([
      { path: 'big.md', reason: 'larger than 10 MB, the most one note can hold; split it into smaller files' },
      { path: 'long-lines.md', reason: 'The note cannot be saved: doc: the note is larger than 10 MB.' },
      {
        path: 'short-lines.md',
        reason:
          'The note cannot be saved: doc: the note has more than 200,000 parts (paragraphs, list items, runs of text).',
      },
    ])
    expect(result.imported.map((n) => n.title)).toEqual(['Plain'])
    expect(library.listNotes()).toHaveLength(1)
    await library.close()
  })

  it('flattens deep lists and cuts what the parser cannot reach, saying which; the notes save back', async () => {
    const dir = tempDir()
    const library = await openLibraryFor(dir)
    const files = [
      { path: 'deep.md', data: Buffer.from(list(120, 'item')) },
      { path: 'quotes.md', data: Buffer.from(`${'>'.repeat(100_000)} lost\n\nkept`) },
    ]
    const result = await importFiles(library, new AttachmentStore(dir), files)
    expect(result.skipped).toEqual([])
    expect(result.warnings).toEqual([
      { path: 'deep.md', message: FLATTENED },
      { path: 'quotes.md', message: CUT },
      { path: 'quotes.md', message: FLATTENED },
    ])
    expect(result.imported.map((n) => n.title)).toEqual(['deep', 'quotes'])
    for (const { id } of result.imported) expect(savesBack(await library.getNote(id))).toBe(true)
    const [deep, quotes] = await Promise.all(result.imported.map((n) => library.getNote(n.id)))
    expect(deep!.text.match(/item \d+/g)).toHaveLength(120)
    expect(quotes!.text).toBe('kept')
    await library.close()
  })
})

async function openLibraryFor(dir: string) {
  return (await importer(dir)).library
}
