import type * as Y from 'yjs'
import type { Note } from '../../shared/model'
import type { Library } from '../types'
import { deepEqual } from './deep-equal'
import { deriveNote, type SyncedNote } from './note-doc'
import { fateOf } from './tombstone'

/** The fields a Y.Doc decides; `revision`, `text` (derived from doc) and `mail` stay the library's own. */
const SYNCED = [
  'title',
  'doc',
  'notebookId',
  'tags',
  'createdAt',
  'updatedAt',
  'followUp',
  'doneAt',
  'archivedAt',
  'trashedAt',
  'history',
  'board',
] as const

export const sameSynced = (a: SyncedNote, b: SyncedNote): boolean =>
  SYNCED.every((k) => deepEqual(a[k], b[k]))

export const syncedOf = (note: Note): SyncedNote => {
  const { revision: _revision, ...rest } = note
  return rest
}

export type WriteOutcome =
  /** The library holds what the doc says, at this revision. */
  | { kind: 'written'; revision: number }
  /** The note is deleted in the doc and now absent from the library. */
  | { kind: 'removed' }
  /** Not writable yet (its notebook has not arrived): tried again on the next pass. */
  | { kind: 'pending'; why: string }

/**
 * Writes the note a Y.Doc stands for through the library's own durable write path (so search, the
 * list and the CLI see it, with the normal change event). Nothing is written when the library already
 * holds it, so a pass that changed nothing costs no write.
 */
export async function writeNote(lib: Library, doc: Y.Doc): Promise<WriteOutcome> {
  const id = doc.guid
  const exists = lib.summaryOf(id) !== undefined
  if (fateOf(doc) === 'deleted') {
    if (exists) await lib.deleteNoteForever(id)
    return { kind: 'removed' }
  }
  const current = exists ? await lib.getNote(id) : null
  const { note } = deriveNote(doc, current && syncedOf(current))
  if (!lib.listNotebooks().some((nb) => nb.id === note.notebookId)) {
    return { kind: 'pending', why: `its notebook ${note.notebookId} has not arrived yet` }
  }
  if (current) {
    if (sameSynced(note, current)) return { kind: 'written', revision: current.revision }
    const written = await lib.mutateNote(id, (cur) => ({ ...cur, ...note }), { touch: false })
    return { kind: 'written', revision: written.revision }
  }
  const { schemaVersion: _v, text: _t, trashedAt, ...input } = note
  const [imported] = await lib.importNotes([{ ...input, id }])
  if (!trashedAt) return { kind: 'written', revision: imported!.revision }
  // An import always arrives out of the Trash; a note trashed elsewhere goes back into it here.
  const trashed = await lib.mutateNote(id, (cur) => ({ ...cur, trashedAt }), { touch: false })
  return { kind: 'written', revision: trashed.revision }
}

/** How many arriving notes one library write takes: one journal sync and one folder sync for all. */
const IMPORT_BATCH = 250

/**
 * Notes new to this library (a device joining gets thousands) are written in batches through
 * importNotes; returns the revision each got. A batch the library refuses is left to writeNote, one
 * note at a time, so one bad note holds up no other.
 */
export async function importArrivals(lib: Library, docs: Y.Doc[]): Promise<Map<string, number>> {
  const notebooks = new Set(lib.listNotebooks().map((nb) => nb.id))
  const arrivals = docs.flatMap((doc) => {
    if (lib.summaryOf(doc.guid) || fateOf(doc) === 'deleted') return []
    const { note } = deriveNote(doc, null)
    return notebooks.has(note.notebookId) ? [note] : []
  })
  const written = new Map<string, number>()
  for (let i = 0; i < arrivals.length; i += IMPORT_BATCH) {
    const batch = arrivals.slice(i, i + IMPORT_BATCH)
    const imported = await lib
      .importNotes(batch.map(({ schemaVersion: _v, text: _t, trashedAt: _x, ...input }) => input))
      .catch(() => [])
    for (const n of imported) written.set(n.id, n.revision)
    for (const note of batch.filter((n) => n.trashedAt && written.has(n.id))) {
      const trashed = await lib.mutateNote(note.id, (cur) => ({ ...cur, trashedAt: note.trashedAt }), {
        touch: false,
      })
      written.set(note.id, trashed.revision)
    }
  }
  return written
}
