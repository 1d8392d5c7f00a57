import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocNodeT } from '../../../shared/model'
import { useTempDirs } from '../../test-support/temp-dir'
import { fixture, hasSharedFixtures, importer } from '../import/test-support'

const tempDir = useTempDirs()
const find = (nodes: DocNodeT[] | undefined, type: string): DocNodeT[] =>
  (nodes ?? []).flatMap((n) => [...(n.type === type ? [n] : []), ...find(n.content, type)])

// The public fixtures sit beside the clone in CI (../shared/fixtures); without them these tests cannot run.
describe.skipIf(!hasSharedFixtures)('ENEX import of the public fixtures (../shared/fixtures/enex)', () => {
  it('sample.enex: title, tag, dates, text; a resource whose bytes were cut keeps as a file and is reported', async () => {
    const { library, importFile } = await importer(tempDir())
    const s = await importFile(fixture('enex', 'sample.enex'))
    expect(s).toMatchObject({ status: 'done', imported: 1, skipped: [] })
    const note = await library.getNote(s.noteIds[0]!)
    expect(note).toMatchObject({
      title: 'Test Note for Export',
      tags: ['fake-tag'],
      createdAt: '2013-07-30T20:52:04.000Z',
    })
    expect(note.text).toContain('Hello, World.')
    // The source elided the JPEG's middle with a comment, so its MD5 no longer matches <en-media hash>.
    expect(s.warnings.some((w) => /missing from the export/.test(w.message))).toBe(true)
    expect(find(note.doc.content, 'attachment')[0]?.attrs?.name).toBe(
      'snapshot-DAE9FC15-88E3-46CF-B744-DA9B1B56EB57.jpg',
    )
    await library.close()
  })

  it('tasks.enex: Evernote 10 tasks land in their task group, completed ones checked', async () => {
    const { library, importFile } = await importer(tempDir())
    const s = await importFile(fixture('enex', 'tasks.enex'))
    const note = await library.getNote(s.noteIds[0]!)
    const lists = find(note.doc.content, 'taskList')
    expect(
      lists.map((l) => l.content!.map((i) => [find(i.content, 'text')[0]?.text, i.attrs?.checked])),
    ).toEqual([
      [
        ['Clara', true],
        ['Bob', false],
      ],
      [['Jeff', false]],
    ])
    expect(note.text).toMatch(/List 1[\s\S]*Clara[\s\S]*List 2[\s\S]*Jeff/)
    expect(note.text).not.toContain('Content not supported')
    await library.close()
  })

  it('checklist.enex (a bare <en-note>): the new-style checklist becomes task items', async () => {
    const { library, importFile } = await importer(tempDir())
    const s = await importFile(fixture('enex', 'checklist.enex'))
    expect(s.imported).toBe(1)
    const note = await library.getNote(s.noteIds[0]!)
    expect(note.title).toBe('checklist')
    const items = find(note.doc.content, 'taskItem').map((i) => [
      find(i.content, 'text')[0]?.text,
      i.attrs?.checked,
    ])
    expect(items).toEqual([
      ['One', false],
      ['Two', true],
      ['Three', false],
    ])
    await library.close()
  })

  it('attachment-image.enex: an image with no resource is reported, the note still imports', async () => {
    const { library, importFile } = await importer(tempDir())
    const s = await importFile(fixture('enex', 'attachment-image.enex'))
    expect(s.imported).toBe(1)
    expect(s.warnings[0]?.message).toMatch(/e2d4887c5a32ab1686276c7c5ae733ef.*missing/)
    await library.close()
  })

  it('invalid_date.enex: a malformed updated date falls back to the created one and is counted', async () => {
    const { library, importFile } = await importer(tempDir())
    const s = await importFile(fixture('enex', 'invalid_date.enex'))
    const note = await library.getNote(s.noteIds[0]!)
    expect(note.updatedAt).toBe('2018-03-23T16:32:04.000Z')
    expect(s.warnings.map((w) => w.message)).toContain(
      'the updated date "10101T000000Z" is not a date; another was used',
    )
    await library.close()
  })

  it('unescaped_ampersand.enex: a raw "&" is read past and both notes import', async () => {
    const { library, importFile } = await importer(tempDir())
    const s = await importFile(fixture('enex', 'unescaped_ampersand.enex'))
    expect(s.status).toBe('done')
    const notes = await Promise.all(s.noteIds.map((id) => library.getNote(id)))
    expect(notes.map((n) => n.title)).toEqual(['Unescaped ampersand', 'Note after the bad one'])
    expect(notes[0]!.text).toBe('Mobilize & Measure')
    expect(notes[1]!.text).toBe('This note must still be imported')
    expect(s.warnings).toContainEqual({ item: 'file', message: '1 stray "&" read as text' })
    await library.close()
  })
})

it.runIf(!hasSharedFixtures)('public fixtures are missing', () => {
  console.warn(`skipped: ${join('..', 'shared', 'fixtures')} is not beside the repository`)
})
