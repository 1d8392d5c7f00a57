import { describe, expect, it } from 'vitest'
import { NOTE_SCHEMA_VERSION } from '../shared/model'
import { docStats } from '../shared/domain/doc-stats'
import { summaryWithLinks } from './note-files'
import { NewerSchemaError, upgradeNote } from './migrations'

const v2 = {
  schemaVersion: 2,
  id: 'a1',
  title: 'Call the bank',
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hello' }] }] },
  text: 'hello',
  notebookId: 'inbox',
  tags: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  revision: 4,
  followUp: null,
  doneAt: null,
  archivedAt: null,
  trashedAt: null,
  history: [],
}

describe('v2 → v3 (board placement)', () => {
  it('puts an older note on no board and keeps everything else', () => {
    const { note, migrated } = upgradeNote(structuredClone(v2))
    expect(migrated).toBe(true)
    expect(note.schemaVersion).toBe(NOTE_SCHEMA_VERSION)
    expect(note.board).toBeNull()
    expect(note).toMatchObject({ title: 'Call the bank', revision: 4, text: 'hello' })
  })

  it('refuses a v3 note whose placement is malformed instead of guessing', () => {
    const bad = { ...v2, schemaVersion: 3, board: { boardId: 'b', columnId: 'c', rank: '' } }
    expect(() => upgradeNote(bad)).toThrow(/board\.rank/) // our own files get every field but the document checked
    const worse = { ...v2, schemaVersion: 3 } // no board key at all
    expect(() => upgradeNote(worse)).toThrow(/board/)
  })

  it('still refuses a note from a newer Tickler', () => {
    expect(() => upgradeNote({ ...v2, schemaVersion: 99 })).toThrow(NewerSchemaError)
  })
})

describe('doc stats for cards', () => {
  const doc = {
    type: 'doc' as const,
    content: [
      {
        type: 'taskList',
        content: [
          { type: 'taskItem', attrs: { checked: true }, content: [{ type: 'paragraph' }] },
          { type: 'taskItem', attrs: { checked: false }, content: [{ type: 'paragraph' }] },
          {
            type: 'taskItem',
            attrs: { checked: 'true' }, // not a boolean: not counted as done
            content: [{ type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true } }] }],
          },
        ],
      },
      { type: 'paragraph', content: [{ type: 'image', attrs: { src: 'x' } }] },
      { type: 'attachment', attrs: { file: 'f' } },
      { type: 'image' },
    ],
  }

  it('counts nested task items, done ones, images and attachment chips', () => {
    expect(docStats(doc)).toEqual({ tasks: { done: 2, total: 4 }, media: { images: 2, files: 1 } })
  })

  it('an empty document counts nothing', () => {
    expect(docStats({ type: 'doc' })).toEqual({ tasks: { done: 0, total: 0 }, media: { images: 0, files: 0 } })
  })

  it('summaries carry the counts and the placement', () => {
    const { note } = upgradeNote(structuredClone(v2))
    const placed = { ...note, doc, board: { boardId: 'b1', columnId: 'c1', rank: 'V' } }
    const s = summaryWithLinks(placed)
    expect(s.tasks).toEqual({ done: 2, total: 4 })
    expect(s.board).toEqual({ boardId: 'b1', columnId: 'c1', rank: 'V' })
  })
})
