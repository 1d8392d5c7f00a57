import type { Low } from 'lowdb'
import type { NoteSummary, Notebook } from '../shared/model'
import { TicklerError } from '../shared/rpc'
import { newId } from './note-files'
import type { LibraryDoc } from './notebooks'

/** The notebooks in library.json: the changes a library makes to them, each written before it counts. */

export function requireNotebook(doc: LibraryDoc, id: string): void {
  if (!doc.notebooks.some((nb) => nb.id === id)) {
    throw new TicklerError('NOT_FOUND', `There is no notebook with id ${id}.`)
  }
}

/** Every notebook with the number of its notes outside the Trash. */
export function notebooksWithCounts(
  doc: LibraryDoc,
  summaries: Iterable<NoteSummary>,
): (Notebook & { noteCount: number })[] {
  const counts = new Map<string, number>()
  for (const s of summaries) if (!s.trashedAt) counts.set(s.notebookId, (counts.get(s.notebookId) ?? 0) + 1)
  return doc.notebooks.map((nb) => ({ ...nb, noteCount: counts.get(nb.id) ?? 0 }))
}

/** Adds a notebook under a name no other has (case-insensitively); nothing is added if the write fails. */
/** `given` keeps another device's id and creation time (sync: a notebook is the same on every computer). */
export async function addNotebook(
  db: Low<LibraryDoc>,
  name: string,
  at: string,
  given?: Pick<Notebook, 'id' | 'createdAt'>,
): Promise<Notebook> {
  const trimmed = name.trim()
  const taken = db.data.notebooks.some((nb) => nb.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase())
  if (taken) throw new TicklerError('CONFLICT', `A notebook named "${trimmed}" already exists.`)
  if (given && db.data.notebooks.some((nb) => nb.id === given.id)) {
    throw new TicklerError('CONFLICT', `A notebook with id ${given.id} already exists.`)
  }
  const notebook: Notebook = { id: given?.id ?? newId(), name: trimmed, createdAt: given?.createdAt ?? at }
  db.data.notebooks.push(notebook)
  try {
    await db.write()
  } catch (error) {
    db.data.notebooks.pop()
    throw error
  }
  return notebook
}

/** Applies a change to library.json and writes it; a failed write puts the notebooks back as they were. */
export async function changeDoc<T>(db: Low<LibraryDoc>, change: () => T): Promise<T> {
  const before = db.data.notebooks
  db.data.notebooks = [...before]
  try {
    const result = change()
    await db.write()
    return result
  } catch (error) {
    db.data.notebooks = before
    throw error
  }
}
