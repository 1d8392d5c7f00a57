import type { TicklerApi } from '../../electron/shared/contract'
import { INBOX_ID } from '../../electron/shared/domain/notes'
import type { Note, Notebook } from '../../electron/shared/model'

class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** In-memory organising calls (move, tags, Trash, notebook rename/delete) with core's rules. */
export function createFakeLibrary(notes: Map<string, Note>, notebooks: Notebook[], now: () => Date) {
  const each = (ids: string[], change: (n: Note) => Note | null) => {
    for (const id of ids) if (!notes.has(id)) throw new FakeError('NOT_FOUND', `There is no note with id ${id}.`)
    let count = 0
    for (const id of ids) {
      const note = notes.get(id)!
      const next = change(note)
      if (!next) continue
      notes.set(id, { ...next, revision: note.revision + 1, updatedAt: now().toISOString() })
      count++
    }
    return Promise.resolve({ count })
  }
  const notesApi: Pick<TicklerApi['notes'], 'move' | 'addTag' | 'trash' | 'restore' | 'deleteForever'> = {
    move: ({ ids, notebookId }) => each(ids, (n) => (n.notebookId === notebookId ? null : { ...n, notebookId })),
    addTag: ({ ids, tag }) => each(ids, (n) => (n.tags.includes(tag) ? null : { ...n, tags: [...n.tags, tag] })),
    trash: ({ ids }) => each(ids, (n) => (n.trashedAt ? null : { ...n, trashedAt: now().toISOString() })),
    restore: ({ ids }) => each(ids, (n) => (n.trashedAt ? { ...n, trashedAt: null } : null)),
    deleteForever: async ({ ids }) => {
      if (ids.some((id) => !notes.get(id)?.trashedAt)) throw new FakeError('CONFLICT', 'Move these notes to the Trash first.')
      for (const id of ids) notes.delete(id)
      return { count: ids.length }
    },
  }
  const notebooksApi: Pick<TicklerApi['notebooks'], 'rename' | 'delete'> = {
    rename: async ({ id, name }) => {
      const index = notebooks.findIndex((nb) => nb.id === id)
      if (index < 0) throw new FakeError('NOT_FOUND', `There is no notebook with id ${id}.`)
      notebooks[index] = { ...notebooks[index]!, name: name.trim() }
      return notebooks[index]
    },
    delete: async ({ id }) => {
      if (id === INBOX_ID) throw new FakeError('BAD_INPUT', 'The Inbox cannot be deleted.')
      const inside = [...notes.values()].filter((n) => n.notebookId === id).map((n) => n.id)
      const { count } = inside.length
        ? await each(inside, (n) => ({ ...n, notebookId: INBOX_ID, trashedAt: n.trashedAt ?? now().toISOString() }))
        : { count: 0 }
      notebooks.splice(notebooks.findIndex((nb) => nb.id === id), 1)
      return { count }
    },
  }
  const trash: TicklerApi['trash'] = {
    empty: async () => {
      const gone = [...notes.values()].filter((n) => n.trashedAt)
      for (const n of gone) notes.delete(n.id)
      return { count: gone.length }
    },
  }
  const tags: TicklerApi['tags'] = {
    rename: ({ from, to }) =>
      each(
        [...notes.values()].filter((n) => n.tags.includes(from)).map((n) => n.id),
        (n) => ({ ...n, tags: [...new Set(n.tags.map((t) => (t === from ? to : t)))] }),
      ),
  }
  return { notes: notesApi, notebooks: notebooksApi, trash, tags }
}
