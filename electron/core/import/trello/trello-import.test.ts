import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocNodeT } from '../../../shared/model'
import { compareRank } from '../../../shared/rank'
import { openBoardStore } from '../../boards/store'
import { buildIcs } from '../../followups/ics'
import { useTempDirs } from '../../test-support/temp-dir'
import { OWN_FIXTURES, fixture, hasSharedFixtures, importer } from '../test-support'

const tempDir = useTempDirs()
const texts = (nodes: DocNodeT[] | undefined): string[] =>
  (nodes ?? []).flatMap((n) => [...(n.text ? [n.text] : []), ...texts(n.content)])
const find = (nodes: DocNodeT[] | undefined, type: string): DocNodeT[] =>
  (nodes ?? []).flatMap((n) => [...(n.type === type ? [n] : []), ...find(n.content, type)])

describe('Trello import', () => {
  it('our board: lists to columns, cards to notes with Markdown, checklists, labels, due dates, comments, links', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const s = await importFile(join(OWN_FIXTURES, 'board.json'))
    expect(s).toMatchObject({ status: 'done', imported: 4, skipped: [] })
    const board = (await openBoardStore(dir)).get(s.board!.id)
    expect(board.name).toBe('이사 준비 Moving')
    expect(board.columns.map((c) => c.name)).toEqual(['할 일', 'Doing']) // the closed list is no column
    // Labels keep their Trello colours, under the tag each became (a nameless label is named by its colour).
    expect(board.labelColors).toEqual({ 급함: 'red', green: 'green' })
    const notes = await Promise.all(s.noteIds.map((id) => library.getNote(id)))
    const byTitle = new Map(notes.map((n) => [n.title, n]))
    const pack = byTitle.get('짐 싸기 Pack boxes')!
    expect(pack.tags).toEqual(['급함', 'green'])
    expect(pack.followUp?.dueAt).toBe('2024-03-01T09:00:00.000Z')
    expect(pack.doneAt).toBeNull()
    expect(pack.createdAt).toBe(new Date(0x5f1a2b3c * 1000).toISOString())
    expect(find(pack.doc.content, 'heading')[0]).toMatchObject({ content: [{ text: 'Rooms' }] })
    expect(find(pack.doc.content, 'codeBlock')[0]?.content?.[0]?.text).toBe('box count: 12')
    expect(find(pack.doc.content, 'taskItem').map((i) => [texts(i.content)[0], i.attrs?.checked])).toEqual([
      ['테이프 사기', true],
      ['Label boxes', false],
    ])
    const all = texts(pack.doc.content).join('|')
    expect(all).toMatch(
      /Jane Doe · 2024-02-20 09:30\|Ask \|Jane\| for boxes\|김민수 · 2024-02-21 09:30\|Second comment/,
    )
    const links = find(pack.doc.content, 'text')
      .filter((t) => t.marks?.some((m) => m.type === 'link'))
      .map((t) => t.text)
    expect(links).toEqual(['hall', 'Floor plan']) // javascript: is never a link
    const van = byTitle.get('Book the van')!
    expect(van.doneAt).toBe('2024-02-24T08:00:00.000Z')
    // Card order within a column follows Trello's pos.
    expect(compareRank(van.board!.rank, pack.board!.rank)).toBeLessThan(0)
    expect(byTitle.get('Change address')!.archivedAt).not.toBeNull()
    const piano = byTitle.get('Sell the piano')!
    expect([piano.archivedAt !== null, piano.board]).toEqual([true, null])
    expect(s.warnings.some((w) => /"Old ideas" was closed/.test(w.message))).toBe(true)
    await library.close()
  })

  it.skipIf(!hasSharedFixtures)(
    'the public nextcloud/deck export imports its card into its list',
    async () => {
      const dir = tempDir()
      const { library, importFile } = await importer(dir)
      const s = await importFile(fixture('trello', 'data-trelloJson.json'))
      expect(s).toMatchObject({ status: 'done', imported: 1 })
      const note = await library.getNote(s.noteIds[0]!)
      expect(note.title).toBe('Name Card 7')
      expect((await openBoardStore(dir)).get(s.board!.id).columns.map((c) => c.name)).toEqual(['TODO'])
      await library.close()
    },
  )

  it('broken JSON names the line and column; JSON that is no board says so; nothing is created', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{\n  "name": "x",\n  "lists": [ }\n')
    const s = await importFile(bad)
    expect(s.status).toBe('failed')
    expect(s.fault).toMatchObject({ line: 3, column: expect.any(Number) })
    expect(s.fault!.message).toMatch(/not valid JSON/)
    const other = join(dir, 'package.json')
    writeFileSync(other, '{"version": 1}')
    expect((await importFile(other)).fault?.message).toMatch(/not a Trello board export/)
    expect(library.listNotes()).toHaveLength(0)
    expect(library.listNotebooks().map((nb) => nb.name)).toEqual(['Inbox'])
    await library.close()
  })
})

describe('Trello dates outside the years a note can carry', () => {
  it('are left out with a warning, so no note or calendar feed ever holds "+275760-…"', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const path = join(dir, 'far.json')
    const card = (id: string, name: string, extra: object) => ({ id, name, idList: 'l1', ...extra })
    writeFileSync(
      path,
      JSON.stringify({
        name: 'Far future',
        lists: [{ id: 'l1', name: 'To do' }],
        cards: [
          card('c1', 'Year 275760', { due: '+275760-09-13T00:00:00.000Z', dateLastActivity: '0001-01-01T00:00:00Z' }),
          card('c2', 'Year 1899', { due: '1899-12-31T00:00:00.000Z' }),
          card('c3', 'Fine', { due: '2030-01-02T03:04:05.000Z' }),
        ],
      }),
    )
    const s = await importFile(path)
    expect(s).toMatchObject({ status: 'done', imported: 3, skipped: [] })
    const byTitle = new Map(
      (await Promise.all(s.noteIds.map((id) => library.getNote(id)))).map((n) => [n.title, n]),
    )
    expect(byTitle.get('Year 275760')!.followUp).toBeNull()
    expect(byTitle.get('Year 275760')!.updatedAt.startsWith('0001')).toBe(false)
    expect(byTitle.get('Year 1899')!.followUp).toBeNull()
    expect(byTitle.get('Fine')!.followUp?.dueAt).toBe('2030-01-02T03:04:05.000Z')
    const messages = s.warnings.map((w) => `${w.item}: ${w.message}`)
    expect(messages).toContainEqual(
      'card "Year 275760": the due date "+275760-09-13T00:00:00.000Z" is outside the years 1900–9999; the card was imported without a follow-up',
    )
    expect(messages.some((m) => /Year 275760.*last activity date "0001-01-01T00:00:00Z" is outside/.test(m))).toBe(true)
    expect(messages.some((m) => /Year 1899.*due date.*outside the years 1900–9999/.test(m))).toBe(true)
    const ics = buildIcs(library.listNotes(), { now: new Date('2024-01-01T00:00:00Z'), standards: [] })
    expect(ics).not.toMatch(/\+275760|DTSTART:1899/)
    expect(ics.match(/^DTSTART/gm)).toHaveLength(1)
    await library.close()
  })
})
