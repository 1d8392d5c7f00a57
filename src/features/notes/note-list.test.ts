import { describe, expect, it } from 'vitest'
import type { Note, NoteSummary } from '../../../electron/shared/model'
import { sortByUpdated, upsertSummary } from './note-list'

const row = (id: string, updatedAt: string, revision = 1, notebookId = 'inbox'): NoteSummary => ({
  id,
  title: id,
  notebookId,
  tags: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt,
  revision,
  followUp: null,
  doneAt: null,
  archivedAt: null,
  trashedAt: null,
  board: null,
  snippet: '',
  tasks: { done: 0, total: 0 },
  media: { images: 0, files: 0 },
  links: [],
})
const note = (id: string, updatedAt: string, revision: number, notebookId = 'inbox'): Note => ({
  ...row(id, updatedAt, revision, notebookId),
  schemaVersion: 3,
  history: [],
  doc: { type: 'doc' },
  text: `  text of\n\n${id}  `,
})

describe('note list helpers', () => {
  it('sorts newest first and keeps a stable order for equal times', () => {
    const sorted = sortByUpdated([
      row('b', '2025-01-02T00:00:00.000Z'),
      row('c', '2025-01-03T00:00:00.000Z'),
      row('a', '2025-01-02T00:00:00.000Z'),
    ])
    expect(sorted.map((n) => n.id)).toEqual(['c', 'a', 'b'])
  })

  it('moves a just-saved note to the top with a fresh snippet', () => {
    const list = [row('a', '2025-01-03T00:00:00.000Z'), row('b', '2025-01-02T00:00:00.000Z')]
    const next = upsertSummary(list, note('b', '2025-01-04T00:00:00.000Z', 2), { kind: 'all' })
    expect(next.map((n) => n.id)).toEqual(['b', 'a'])
    expect(next[0]?.snippet).toBe('text of b')
  })

  it('drops a note that moved out of the notebook being shown', () => {
    const list = [row('a', '2025-01-03T00:00:00.000Z')]
    const next = upsertSummary(list, note('a', '2025-01-04T00:00:00.000Z', 2, 'work'), {
      kind: 'notebook',
      id: 'inbox',
    })
    expect(next).toEqual([])
  })

  it('ignores a reply older than the row already shown', () => {
    const list = [row('a', '2025-01-05T00:00:00.000Z', 5)]
    expect(upsertSummary(list, note('a', '2025-01-04T00:00:00.000Z', 4), { kind: 'all' })).toEqual(list)
  })

  it('makes a saved note the row core lists after a reload (same snippet cut, same checklist counts)', () => {
    const long = 'word '.repeat(60).trim() // 299 characters: over both the list's cut and the old 160
    const saved: Note = {
      ...note('a', '2025-01-04T00:00:00.000Z', 2),
      text: long,
      doc: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: long }] },
          {
            type: 'taskList',
            content: [
              { type: 'taskItem', attrs: { checked: true } },
              { type: 'taskItem', attrs: { checked: false } },
            ],
          },
        ],
      },
    }
    const [shown] = upsertSummary([row('a', '2025-01-03T00:00:00.000Z')], saved, { kind: 'all' })
    expect(shown?.snippet).toBe(`${long.slice(0, 139).trimEnd()}…`)
    expect(shown?.snippet).toHaveLength(140)
    expect(shown?.tasks).toEqual({ done: 1, total: 2 })
  })
})
