import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibrary } from '../core'
import { useTempDirs } from '../core/test-support/temp-dir'
import type { Note } from '../shared/model'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()


const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** A library with the things Markdown cannot say itself: tags, dates, a follow-up with its cadence, a done note. */
async function seed(dir: string) {
  const lib = await openLibrary(dir)
  const clients = await lib.createNotebook('Clients 고객')
  const base = { notebookId: clients.id, history: [], board: null, archivedAt: null }
  await lib.importNote({
    ...base,
    title: '한빛 견적 follow-up',
    doc: { type: 'doc', content: [paragraph('견적서 보냄, 답 기다림'), paragraph('call: "no" means yes')] },
    tags: ['sales', '견적'],
    createdAt: '2025-03-02T01:00:00.000Z',
    updatedAt: '2025-04-06T08:30:00.000Z',
    followUp: {
      dueAt: '2025-04-07T00:00:00.000Z',
      waitingOn: '김민수',
      owner: null,
      attempt: 2,
      standard: 'sales-lead',
    },
    doneAt: null,
  })
  await lib.importNote({
    ...base,
    title: 'Signed',
    doc: { type: 'doc', content: [paragraph('Contract signed.')] },
    tags: [],
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-12T09:00:00.000Z',
    followUp: null,
    doneAt: '2025-01-12T09:00:00.000Z',
  })
  await lib.close()
}

const KEPT = [
  'title',
  'doc',
  'text',
  'tags',
  'createdAt',
  'updatedAt',
  'followUp',
  'doneAt',
  'archivedAt',
] as const
const kept = (n: Note) => Object.fromEntries([...KEPT.map((k) => [k, n[k]])])

async function notesOf(dir: string) {
  const lib = await openLibrary(dir, { readOnly: true })
  const books = new Map(lib.listNotebooks().map((nb) => [nb.id, nb.name]))
  const notes = await Promise.all(lib.listNotes().map((s) => lib.getNote(s.id)))
  await lib.close()
  return notes
    .map((n) => ({ ...kept(n), notebook: books.get(n.notebookId) }))
    .sort((a, b) => String(a.title).localeCompare(String(b.title)))
}

describe('one Markdown exporter, read back by import', () => {
  it('writes the same front matter from --notebook and from the whole library, and export → import gives the same notes', async () => {
    const lib = tempDir()
    await seed(lib)
    const one = tempDir()
    const all = tempDir()
    expect(
      (await cli('export', '--markdown', one, '--notebook', 'Clients 고객', '--data-dir', lib)).code,
    ).toBe(0)
    expect((await cli('export', '--markdown', all, '--data-dir', lib)).code).toBe(0)

    const file = '한빛 견적 follow-up.md'
    const md = readFileSync(join(one, 'Clients 고객', file), 'utf8')
    expect(md).toBe(readFileSync(join(all, 'Clients 고객', file), 'utf8'))
    expect(md).toBe(
      [
        '---',
        'title: "한빛 견적 follow-up"',
        'notebook: "Clients 고객"',
        'tags: ["sales", "견적"]',
        'created: "2025-03-02T01:00:00.000Z"',
        'updated: "2025-04-06T08:30:00.000Z"',
        'follow-up: "2025-04-07T00:00:00.000Z"',
        'waiting-on: "김민수"',
        'standard: "sales-lead"',
        'attempt: 2',
        '---',
        '# 한빛 견적 follow-up',
        '',
        '견적서 보냄, 답 기다림',
        '',
        'call: "no" means yes',
        '',
      ].join('\n'),
    )
    expect(readFileSync(join(all, 'Clients 고객', 'Signed.md'), 'utf8')).toContain(
      '\ndone: "2025-01-12T09:00:00.000Z"\n',
    )

    // Into an empty library: the notebook is made from the front matter, and every field comes back.
    const copy = tempDir()
    const imported = await cli('import', join(one, 'Clients 고객'), '--data-dir', copy)
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/^Imported 2 notes/) })
    expect(await notesOf(copy)).toEqual(await notesOf(lib))
  })

  it('imports what it can read of hand-written front matter and says what it could not', async () => {
    const lib = tempDir()
    const source = tempDir()
    writeFileSync(
      join(source, 'obsidian.md'),
      '---\ntitle: From Obsidian\ntags: [work, "#urgent"]\ncreated: 2024-05-01 09:30\nfollow-up: next tuesday\n---\nBody text\n',
    )
    writeFileSync(join(source, 'broken.md'), '---\ntitle: [unclosed\n---\nStill here\n')
    const r = await cli('import', source, '--json', '--data-dir', lib)
    expect(r.code).toBe(0)
    const result = JSON.parse(r.out)
    expect(result.imported).toHaveLength(2)
    expect(result.warnings).toEqual([
      {
        path: expect.stringMatching(/\/broken\.md$/),
        message: expect.stringMatching(/^its front matter is not YAML \(.*line 1, column 17\)$/),
      },
      {
        path: expect.stringMatching(/\/obsidian\.md$/),
        message: 'the follow-up time "next tuesday" is not a date',
      },
    ])
    const notes = await notesOf(lib)
    expect(notes.map((n) => n.title)).toEqual(['broken', 'From Obsidian'])
    expect(notes[1]).toMatchObject({ tags: ['work', 'urgent'], followUp: null, notebook: 'Inbox' })
    expect(new Date(String(notes[1]!.createdAt)).getFullYear()).toBe(2024)
    // A block that is not YAML is kept as the note's text: nothing the user wrote is lost.
    expect(notes[0]!.text).toContain('title: [unclosed')
    expect(notes[0]!.text).toContain('Still here')
    expect(readdirSync(source)).toHaveLength(2)
  })
})
