import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contract } from '../shared/contract'
import { DOC_LIMITS, docLimitProblem, type Note, type NoteDoc } from '../shared/model'
import { dispatch, type Handlers } from '../shared/rpc'
import { docToText } from '../shared/doc-text'
import { openLibrary } from './library'
import { nestedJson, nestedLists, savesBack } from './test-support/doc-limits'
import { paragraph, useTempDirs } from './test-support/temp-dir'
import type { Library } from './types'

const tempDir = useTempDirs()
const TOO_DEEP = `the note nests more than ${DOC_LIMITS.depth} levels deep (lists or quotes inside each other)`

const noteHandlers = (library: Library) =>
  ({
    'notes.update': ({ id, ...patch }) => library.updateNote(id, patch),
    'notes.create': (input) => library.createNote(input),
  }) as Partial<Handlers> as Handlers

describe('the limits, measured without recursion', () => {
  it('a 100,000-deep document gets the depth clause from the model, the contract and the text walker', () => {
    const doc = JSON.parse(nestedJson(100_000)) as NoteDoc
    expect(docLimitProblem(doc)).toBe(TOO_DEEP)
    const parsed = contract['notes.create'].input.safeParse({ doc })
    expect(parsed.success ? null : parsed.error.issues.map((i) => i.message)).toEqual([TOO_DEEP])
    expect(docToText(doc)).toBe('')
  })

  it('counts depth in node levels, size in characters of JSON and parts in nodes', () => {
    // Each list level is two node levels; the paragraph and its text take two more.
    expect(docLimitProblem(nestedLists((DOC_LIMITS.depth - 2) / 2))).toBeNull()
    expect(docLimitProblem(nestedLists((DOC_LIMITS.depth - 2) / 2 + 1))).toBe(TOO_DEEP)
    // Deep inside attributes is deep too: nothing recursive may walk them either.
    const attrs = JSON.parse(`{"type":"doc","content":[{"type":"image","attrs":${'{"a":'.repeat(500)}1${'}'.repeat(500)}}]}`)
    expect(docLimitProblem(attrs)).toBe(TOO_DEEP)
    const text = paragraph('x'.repeat(DOC_LIMITS.bytes - 200))
    expect(docLimitProblem(text)).toBeNull()
    expect(JSON.stringify(text).length).toBeLessThan(DOC_LIMITS.bytes)
    expect(docLimitProblem(paragraph('x'.repeat(DOC_LIMITS.bytes)))).toBe('the note is larger than 10 MB')
    const many = { type: 'doc', content: Array.from({ length: DOC_LIMITS.nodes }, () => ({ type: 'horizontalRule' })) }
    expect(docLimitProblem(many)).toMatch(/^the note has more than 200,000 parts/)
  })
})

describe('document limits at the contract (dispatch, as IPC and the preview call it)', () => {
  it.each([1_000, 100_000])('a document %i levels deep is a clear BAD_INPUT and nothing is written', async (levels) => {
    const library = await openLibrary(tempDir())
    const note = await library.createNote({ doc: paragraph('kept') })
    const doc = JSON.parse(nestedJson(levels)) as unknown
    for (const [method, input] of [
      ['notes.update', { id: note.id, doc }],
      ['notes.create', { doc }],
    ] as const) {
      expect(await dispatch(noteHandlers(library), method, input)).toEqual({
        ok: false,
        error: { code: 'BAD_INPUT', message: `Invalid input for ${method}: doc: ${TOO_DEEP}` },
      })
    }
    expect(library.listNotes()).toHaveLength(1)
    expect((await library.getNote(note.id)).text).toBe('kept')
    await library.close()
  })

  it('a 50 MB text is refused with the limit named; the note keeps its text', async () => {
    const library = await openLibrary(tempDir())
    const note = await library.createNote({ doc: paragraph('kept') })
    const result = await dispatch(noteHandlers(library), 'notes.update', {
      id: note.id,
      doc: paragraph('x'.repeat(50 * 1024 * 1024)),
    })
    expect(result).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Invalid input for notes.update: doc: the note is larger than 10 MB' },
    })
    expect((await library.getNote(note.id)).revision).toBe(1)
    await library.close()
  })

  it('a document just inside the depth limit is accepted and saves back', async () => {
    const library = await openLibrary(tempDir())
    const result = await dispatch(noteHandlers(library), 'notes.create', { doc: nestedLists((DOC_LIMITS.depth - 2) / 2) })
    expect(result.ok).toBe(true)
    expect(savesBack(result.ok ? (result.value as Note) : (null as never))).toBe(true)
    await library.close()
  })
})

describe('the library writes only notes the contract takes back', () => {
  it('refuses a note past the limits from any writer, before anything reaches the disk', async () => {
    const dir = tempDir()
    const library = await openLibrary(dir)
    await expect(library.createNote({ doc: nestedLists(1_000) })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: `The note cannot be saved: doc: ${TOO_DEEP}.`,
    })
    const base = {
      title: 't',
      doc: paragraph('x'),
      notebookId: 'inbox',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      followUp: null,
      doneAt: null,
      archivedAt: null,
      history: [],
      board: null,
    }
    await expect(library.importNote({ ...base, tags: Array.from({ length: 101 }, (_, i) => `t${i}`) })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: 'The note cannot be saved: tags: a note has at most 100 tags.',
    })
    await expect(library.importNote({ ...base, tags: [], doc: JSON.parse(nestedJson(100_000)) })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    })
    expect(library.listNotes()).toEqual([])
    expect(readdirSync(join(dir, 'notes'))).toEqual([])
    await library.close()
  })
})

describe('a hostile note file on disk', () => {
  it.each([
    ['with the start-up snapshot', false],
    ['without it', true],
  ])('nested 100,000 deep is moved aside and reported, and the library opens (%s)', async (_, dropSnapshot) => {
    const dir = tempDir()
    const first = await openLibrary(dir)
    const good = await first.createNote({ title: 'good', doc: paragraph('fine') })
    await first.close()
    if (dropSnapshot) rmSync(join(dir, 'cache'), { recursive: true })
    const hostile = JSON.stringify({ ...good, id: '00000000000000aa', doc: 'DOC' }).replace('"DOC"', nestedJson(100_000))
    writeFileSync(join(dir, 'notes', '00000000000000aa.json'), hostile)

    const again = await openLibrary(dir)
    await again.reconciled
    expect(again.report.corrupt).toEqual([
      expect.objectContaining({
        file: join('notes', '00000000000000aa.json'),
        reason: `not a valid note (doc: ${TOO_DEEP})`,
      }),
    ])
    expect(again.listNotes().map((s) => s.id)).toEqual([good.id])
    expect(existsSync(join(dir, again.report.corrupt[0]!.movedTo))).toBe(true)
    expect(existsSync(join(dir, 'notes', '00000000000000aa.json'))).toBe(false)
    await again.close()
  })
})
