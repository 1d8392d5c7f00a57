import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocNodeT } from '../../../shared/model'
import { useTempDirs } from '../../test-support/temp-dir'
import { OWN_FIXTURES, importer } from '../import/test-support'

const tempDir = useTempDirs()
const find = (nodes: DocNodeT[] | undefined, type: string): DocNodeT[] =>
  (nodes ?? []).flatMap((n) => [...(n.type === type ? [n] : []), ...find(n.content, type)])

describe('ENEX import of our own file with every feature', () => {
  it('keeps text, structure, media, tags, dates, source URL and reminders', async () => {
    const dir = tempDir()
    const { library, importFile, store } = await importer(dir)
    const summary = await importFile(join(OWN_FIXTURES, 'full.enex'))
    expect(summary.status).toBe('done')
    expect(summary.imported).toBe(2)
    expect(summary.skipped).toEqual([])
    expect(summary.notebook?.name).toBe('full')
    const [first, second] = await Promise.all(summary.noteIds.map((id) => library.getNote(id)))
    const note = first!
    expect(note.title).toBe('회의록 — 분기 계획')
    expect(note.tags).toEqual(['업무', 'Project-X-phase-2'])
    expect(note.createdAt).toBe('2024-01-01T09:00:00.000Z')
    expect(note.updatedAt).toBe('2024-01-02T10:00:00.000Z')
    expect(note.followUp?.dueAt).toBe('2024-01-05T01:00:00.000Z')
    expect(note.doneAt).toBeNull()
    expect(note.text).toContain('후속조치를 꼭 챙기세요\u00a0— 중요')
    const content = note.doc.content!
    // The source URL comes first, as a link.
    expect(content[0]!.content?.[1]?.marks?.[0]).toEqual({
      type: 'link',
      attrs: { href: 'https://example.com/%ED%9A%8C%EC%9D%98?id=1&x=2' },
    })
    expect(find(content, 'heading')[0]).toMatchObject({
      attrs: { level: 1 },
      content: [{ text: '분기 계획' }],
    })
    const bold = find(content, 'text').find((t) => t.text === '꼭')
    expect(bold?.marks).toEqual([{ type: 'bold' }])
    const tasks = find(content, 'taskItem')
    expect(tasks.map((t) => [t.attrs?.checked, find(t.content, 'text')[0]?.text])).toEqual([
      [true, '예산 확정'],
      [false, '일정 공유'],
    ])
    expect(find(content, 'taskList')).toHaveLength(1)
    const bullets = find(content, 'bulletList')
    expect(bullets).toHaveLength(2) // the outer list and the nested one inside its second item
    expect(find(bullets[0]!.content![1]!.content, 'text').map((t) => t.text)).toEqual(['둘째', '둘째-하위'])
    expect(find(content, 'orderedList')[0]!.content).toHaveLength(2)
    const table = find(content, 'table')[0]!
    expect(table.content!.map((r) => r.content!.map((c) => c.type))).toEqual([
      ['tableHeader', 'tableHeader'],
      ['tableCell', 'tableCell'],
    ])
    expect(find(content, 'codeBlock').map((c) => c.content?.[0]?.text)).toEqual([
      'const a = 1;\nconsole.log(a < 2)',
      'plain pre\n  indented',
    ])
    const links = find(content, 'text').filter((t) => t.marks?.some((m) => m.type === 'link'))
    expect(links.map((l) => l.text)).toEqual([
      'https://example.com/%ED%9A%8C%EC%9D%98?id=1&x=2',
      'docs',
      'mail',
    ])
    expect(find(content, 'text').some((t) => t.text?.includes('bad'))).toBe(true) // kept as text, not a link
    const media = find(content, 'attachment')
    expect(media.map((m) => [m.attrs?.name, m.attrs?.mime])).toEqual([
      ['red-dot.png', 'image/png'],
      ['계약서.pdf', 'application/pdf'],
    ])
    // Stored under their SHA-256, as the attachment store names every file.
    expect('path' in (await store.resolve(String(media[0]!.attrs!.file)))).toBe(true)
    expect(find(content, 'blockquote')).toHaveLength(1)
    expect(find(content, 'horizontalRule')).toHaveLength(1)

    expect(second!.followUp?.dueAt).toBe('2023-03-10T09:00:00.000Z')
    expect(second!.doneAt).toBe('2023-03-11T12:00:00.000Z')
    expect(second!.history.map((h) => h.kind)).toEqual(['followup-set', 'done'])
    await library.close()
  })

  it('never touches existing notes and asks before importing the same file twice', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const mine = await library.createNote({ title: 'mine' })
    await importFile(join(OWN_FIXTURES, 'full.enex'))
    const again = await importFile(join(OWN_FIXTURES, 'full.enex'))
    expect(again.status).toBe('already-imported')
    expect(again.previouslyImportedAt).not.toBeNull()
    expect(library.listNotes()).toHaveLength(3)
    const forced = await importFile(join(OWN_FIXTURES, 'full.enex'), { allowDuplicate: true })
    expect(forced.imported).toBe(2)
    expect(library.listNotes()).toHaveLength(5)
    expect((await library.getNote(mine.id)).revision).toBe(1)
    await library.close()
  })

  it('imports into a chosen notebook and refuses files of other kinds', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const summary = await importFile(join(OWN_FIXTURES, 'full.enex'), { notebook: 'Evernote' })
    expect(library.listNotebooks().find((nb) => nb.id === summary.notebook?.id)?.name).toBe('Evernote')
    const txt = join(dir, 'notes.txt')
    writeFileSync(txt, 'hello')
    await expect(importFile(txt)).rejects.toThrow(/neither an Evernote export/)
    await library.close()
  })
})
