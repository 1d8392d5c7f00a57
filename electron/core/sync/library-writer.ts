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
