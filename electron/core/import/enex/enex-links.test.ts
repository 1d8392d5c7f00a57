import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocNodeT, Note } from '../../../shared/model'
import { useTempDirs } from '../../test-support/temp-dir'
import { importer } from '../test-support'
import { evernoteNoteGuid } from './enex-links'

const tempDir = useTempDirs()

interface Src {
  title: string
  body: string
  guid?: string
}

const view = (guid: string) => `evernote:///view/1234/s1/${guid}/${guid}/`
const enex = (notes: Src[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">
<en-export application="Evernote" version="10.0">
${notes
  .map(
    (
      n,
    ) => `<note><title>${n.title}</title>${n.guid ? `<guid>${n.guid}</guid>` : ''}<content><![CDATA[<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE en-note SYSTEM "http://xml.evernote.com/pub/enml2.dtd"><en-note>${n.body}</en-note>]]></content>
<created>20240101T090000Z</created><updated>20240102T100000Z</updated></note>`,
  )
  .join('\n')}
</en-export>`

async function importNotes(notes: Src[]) {
  const dir = tempDir()
  const path = join(dir, 'links.enex')
  writeFileSync(path, enex(notes))
  const { library, importFile } = await importer(dir)
  const summary = await importFile(path)
  const byTitle = new Map<string, Note>()
  const all: Note[] = []
  for (const id of summary.noteIds) {
    const note = await library.getNote(id)
    all.push(note)
    byTitle.set(note.title, note)
  }
  return { library, summary, byTitle, all }
}

const inline = (note: Note | undefined): DocNodeT[] => note?.doc.content?.[0]?.content ?? []

describe('Evernote note links on import', () => {
  it('reads both forms of Evernote note address', () => {
    expect(evernoteNoteGuid(view('ABC-12'))).toBe('abc-12')
    expect(evernoteNoteGuid('https://www.evernote.com/shard/s1/nl/1234/abc-12/')).toBe('abc-12')
    expect(evernoteNoteGuid('https://www.evernote.com/shard/s1/sh/abc-12/key')).toBeNull()
    expect(evernoteNoteGuid('https://example.com/')).toBeNull()
  })

  it('turns links to notes of the same file into note links, not run-together words', async () => {
    const { library, summary, byTitle } = await importNotes([
      {
        title: 'Index',
        body: `<div><a href="${view('g2')}">Note 2</a><a href="https://www.evernote.com/shard/s1/nl/1234/g3/">Note 3</a></div>`,
      },
      { title: 'Note 2', body: '<div>two</div>' },
      { title: 'Note 3', body: '<div>three</div>' },
    ])
    expect(summary.status).toBe('done')
    const index = byTitle.get('Index')!
    expect(inline(index)).toEqual([
      { type: 'noteLink', attrs: { id: byTitle.get('Note 2')!.id, title: 'Note 2', label: null } },
      { type: 'noteLink', attrs: { id: byTitle.get('Note 3')!.id, title: 'Note 3', label: null } },
    ])
    // Finishing the import's own notes is not an edit: the dates from the file stay.
    expect(index.updatedAt).toBe('2024-01-02T10:00:00.000Z')
    expect(library.summaryOf(index.id)?.links).toEqual([byTitle.get('Note 2')!.id, byTitle.get('Note 3')!.id])
    expect(summary.warnings).toEqual([])
    await library.close()
  })

  it('finds a note named in Korean, and one that links before it is read', async () => {
    const { library, byTitle } = await importNotes([
      { title: '견적 요청', body: `<div>See <a href="${view('g9')}"><b>회의록</b></a> first</div>` },
      { title: '회의록', body: '<div>내용</div>' },
    ])
    expect(inline(byTitle.get('견적 요청'))).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'noteLink', attrs: { id: byTitle.get('회의록')!.id, title: '회의록', label: null } },
      { type: 'text', text: ' first' },
    ])
    await library.close()
  })

  it('tells two notes with one title apart by the guid the file carries', async () => {
    const { library, all, summary } = await importNotes([
      { title: 'Start', body: `<div><a href="${view('b-2')}">Minutes</a></div>` },
      { title: 'Minutes', guid: 'a-1', body: '<div>first</div>' },
      { title: 'Minutes', guid: 'B-2', body: '<div>second</div>' },
    ])
    const second = all.find((n) => n.text.includes('second'))!
    expect(inline(all[0])).toEqual([
      { type: 'noteLink', attrs: { id: second.id, title: 'Minutes', label: null } },
    ])
    expect(summary.warnings).toEqual([])
    await library.close()
  })

  it('keeps the words and reports a link it cannot place: ambiguous title, or a note not in the file', async () => {
    const { library, all, summary } = await importNotes([
      {
        title: 'Start',
        body: `<div><a href="${view('x1')}">Minutes</a> and <a href="${view('x2')}">Elsewhere</a></div>`,
      },
      { title: 'Minutes', body: '<div>first</div>' },
      { title: 'Minutes', body: '<div>second</div>' },
    ])
    expect(inline(all[0])).toEqual([{ type: 'text', text: 'Minutes and Elsewhere' }])
    expect(summary.warnings).toEqual([
      {
        item: '"Start"',
        message:
          'the link "Minutes" was kept as text: 2 imported notes are titled "Minutes" and the file does not say which one it links to',
      },
      {
        item: '"Start"',
        message: 'the link "Elsewhere" was kept as text: the note it links to is not in this file',
      },
    ])
    await library.close()
  })

  it("keeps a link's own words as its label", async () => {
    const { library, byTitle } = await importNotes([
      { title: 'Start', guid: 's', body: `<div><a href="${view('t')}">the plan</a></div>` },
      { title: 'Plan 2025', guid: 't', body: '<div>x</div>' },
    ])
    expect(inline(byTitle.get('Start'))).toEqual([
      {
        type: 'noteLink',
        attrs: { id: byTitle.get('Plan 2025')!.id, title: 'Plan 2025', label: 'the plan' },
      },
    ])
    await library.close()
  })
})
