import type { EventName, EventPayload, TicklerApi } from '../../electron/shared/contract'
import { INBOX_ID, snippetOf, summaryOf } from '../../electron/shared/domain/notes'
import type { Note, NoteDoc, Notebook } from '../../electron/shared/model'
import type { LanguageChoice } from '../../electron/shared/language'
import { createFakeCapture } from './fake-capture'
import { createFakeBoards } from './fake-boards'
import { createFakeFollowUps } from './fake-followups'
import { createFakeLibrary } from './fake-library'
import { createFakeSearch } from './fake-search'
import { createFakeTransfer } from './fake-transfer'
import { createFakeMail } from './fake-mail'
import { createFakeImport } from './fake-import'

type Listener = (payload: never) => void

function plainText(doc: NoteDoc): string {
  const parts: string[] = []
  const walk = (node: { text?: string; content?: unknown[] }) => {
    if (node.text) parts.push(node.text)
    for (const child of (node.content ?? []) as { text?: string; content?: unknown[] }[]) walk(child)
  }
  walk(doc)
  return parts.join(' ')
}

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * An in-memory window.tickler for renderer tests: same method shapes and revision rule as core
 * (a stale baseRevision is refused), with hooks to make saves fail and to emit main's events.
 */
export function createFakeTickler(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date())
  const notes = new Map<string, Note>()
  const notebooks: Notebook[] = [{ id: INBOX_ID, name: 'Inbox', createdAt: now().toISOString() }]
  const listeners = new Map<EventName, Set<Listener>>()
  const calls: { method: string; input: unknown }[] = []
  let seq = 0
  let failNextSaves = 0

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload)
  }
  const find = (id: string) => {
    const note = notes.get(id)
    if (!note) throw new FakeError('NOT_FOUND', `No note with id "${id}".`)
    return note
  }
  // Links stay empty: no renderer test reads them from the list.
  const summary = (note: Note) => summaryOf(note, [])

  /** As main does after a write: every window hears of the written note's new row. */
  const changed = (note: Note) =>
    emit('library.changed', { noteIds: [note.id], notebooks: false, summaries: [summary(note)], removed: [] })

  const linksTo = (doc: NoteDoc, id: string): boolean => {
    const walk = (nodes: NoteDoc['content']): boolean =>
      (nodes ?? []).some((n) => (n.type === 'noteLink' && n.attrs?.id === id) || walk(n.content))
    return walk(doc.content)
  }

  const organise = createFakeLibrary(notes, notebooks, now)
  const flushedRequests: string[] = []
  let language: LanguageChoice = 'system'
  const api: TicklerApi = {
    language: {
      get: async () => ({ language }),
      set: async (input) => {
        calls.push({ method: 'language.set', input })
        language = input.language
        return { language }
      },
    },
    app: {
      info: async () => ({ version: '0.0.0-test', dataDir: 'memory', platform: 'test', preview: true }),
      flushed: async ({ requestId }) => {
        flushedRequests.push(requestId)
        return {}
      },
    },
    notes: {
      ...organise.notes,
      list: async (input) => {
        calls.push({ method: 'notes.list', input })
        return [...notes.values()]
          .filter((n) => !input.notebookId || n.notebookId === input.notebookId)
          .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
          .map(summary)
      },
      page: async ({ after, limit }) => {
        calls.push({ method: 'notes.page', input: { after, limit } })
        const sorted = [...notes.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || (a.id < b.id ? -1 : 1))
        const start = after ? sorted.findIndex((n) => n.updatedAt < after.updatedAt || (n.updatedAt === after.updatedAt && n.id > after.id)) : 0
        const rows = start < 0 ? [] : sorted.slice(start, start + limit)
        const last = rows.at(-1)
        const more = start >= 0 && start + limit < sorted.length
        return { notes: rows.map(summary), next: more && last ? { updatedAt: last.updatedAt, id: last.id } : null }
      },
      get: async ({ id }) => structuredClone(find(id)),
      limits: async () => ({ depth: 100, bytes: 10 * 1024 * 1024, label: '10 MB', nodes: 200_000 }),
      backlinks: async ({ id }) =>
        [...notes.values()]
          .filter((n) => n.id !== id && !n.trashedAt && linksTo(n.doc, id))
          .map(({ id: source, title, notebookId, updatedAt, text }) => ({
            id: source,
            title,
            notebookId,
            updatedAt,
            snippet: snippetOf(text),
          })),
      create: async (input) => {
        calls.push({ method: 'notes.create', input })
        const stamp = now().toISOString()
        const doc = (input.doc ?? { type: 'doc', content: [{ type: 'paragraph' }] }) as NoteDoc
        const note: Note = {
          schemaVersion: 3,
          board: null,
          followUp: null,
          doneAt: null,
          archivedAt: null,
          trashedAt: null,
          history: [],
          id: `n${++seq}`,
          title: input.title ?? '',
          doc,
          text: plainText(doc),
          notebookId: input.notebookId ?? INBOX_ID,
          tags: input.tags ?? [],
          createdAt: stamp,
          updatedAt: stamp,
          revision: 1,
        }
        notes.set(note.id, note)
        changed(note)
        return structuredClone(note)
      },
      update: async (input) => {
        calls.push({ method: 'notes.update', input: structuredClone(input) })
        const note = find(input.id)
        if (failNextSaves > 0) {
          failNextSaves -= 1
          throw new FakeError('INTERNAL', 'the disk is full')
        }
        if (input.baseRevision !== undefined && input.baseRevision !== note.revision) {
          throw new FakeError('CONFLICT', 'This note was changed elsewhere.')
        }
        const doc = (input.doc as NoteDoc | undefined) ?? note.doc
        const next: Note = {
          ...note,
          title: input.title ?? note.title,
          doc,
          text: plainText(doc),
          notebookId: input.notebookId ?? note.notebookId,
          updatedAt: now().toISOString(),
          revision: note.revision + 1,
        }
        notes.set(next.id, next)
        changed(next)
        return structuredClone(next)
      },
    },
    notebooks: {
      ...organise.notebooks,
      list: async () =>
        notebooks.map((nb) => ({
          ...nb,
          noteCount: [...notes.values()].filter((n) => n.notebookId === nb.id).length,
        })),
      create: async ({ name }) => {
        const notebook = { id: `nb${++seq}`, name: name.trim(), createdAt: now().toISOString() }
        notebooks.push(notebook)
        return notebook
      },
    },
    trash: organise.trash,
    tags: organise.tags,
    shell: { openExternal: async () => ({ opened: false }) },
    followups: createFakeFollowUps(notes, now),
    ...createFakeBoards(notes, now, summary, (title) => api.notes.create({ title })),
    search: createFakeSearch(notes),
    ...createFakeTransfer(),
    ...createFakeImport(),
    ...createFakeMail(),
    ...createFakeCapture((input) => api.notes.create(input)),
    on: (event, handler) => {
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(handler)
      listeners.set(event, set)
      return () => set.delete(handler)
    },
  }

  return {
    api,
    calls,
    notes,
    emit,
    flushedRequests,
    failNextSaves: (count: number) => {
      failNextSaves = count
    },
  }
}
