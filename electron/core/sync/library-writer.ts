import type * as Y from 'yjs'
import type { Note } from '../../shared/model'
import { TicklerError } from '../../shared/rpc'
import type { Library } from '../types'
import type { PassReport } from './engine'
import { applyLibraryDocs } from './library-docs'
import type { RevIndex } from './local-store'
import type { SyncStores } from './stores'
import { deepEqual } from './deep-equal'
import { deriveNote, type SyncedNote } from './note-doc'
import { fateOf } from './tombstone'

/** The note fields a Y.Doc carries and decides: these travel through the sync folder. */
export const SYNCED = [
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

/**
 * The note fields that never travel, each library keeping its own:
 *  - `schemaVersion`, `id`: the file's format and name, the same on every device by construction;
 *  - `revision`: this library's save counter (a stale-editor check, meaningless on another computer);
 *  - `text`: derived from `doc` on each device;
 *  - `mail`: what this computer's mail tracking knows of the message — its account id, server folder,
 *    the due time it set and the reply it saw. Another computer has other accounts (or none), so the
 *    reference would name nothing there, and its reply matcher must not act on this one's state. What
 *    tracking does to the note itself (the follow-up it set, the Done a reply made) is in the doc.
 */
export const LOCAL_ONLY = ['schemaVersion', 'id', 'revision', 'text', 'mail'] as const

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

/** What a pass already knows when it writes a note: read once per pass, never once per note. */
export interface WriteContext {
  /** The library's notebook ids (after the pass added the notebooks that arrived). */
  notebooks: ReadonlySet<string>
  /** Notes this pass read from the library (local changes, conversions), by id. */
  known?: ReadonlyMap<string, Note>
}

export const notebookIds = (lib: Library): Set<string> => new Set(lib.listNotebooks().map((nb) => nb.id))

/**
 * Writes the note a Y.Doc stands for through the library's own durable write path (so search, the
 * list and the CLI see it, with the normal change event). Nothing is written when the library already
 * holds it, so a pass that changed nothing costs no write. A note the pass read already is compared
 * with that copy: when the doc says the same, the library held the doc's state at that revision, which
 * is what is recorded — a save made since is then a local change the next pass takes in.
 */
export async function writeNote(lib: Library, doc: Y.Doc, ctx: WriteContext): Promise<WriteOutcome> {
  const id = doc.guid
  const exists = lib.summaryOf(id) !== undefined
  if (fateOf(doc) === 'deleted') {
    if (exists) await lib.deleteNoteForever(id)
    return { kind: 'removed' }
  }
  const current = exists ? (ctx.known?.get(id) ?? (await lib.getNote(id))) : null
  const { note } = deriveNote(doc, current && syncedOf(current))
  if (!ctx.notebooks.has(note.notebookId)) {
    return { kind: 'pending', why: `its notebook ${note.notebookId} has not arrived yet` }
  }
  if (current) {
    if (sameSynced(note, current)) return { kind: 'written', revision: current.revision }
    // Compared again inside the write queue, with the note as it is then.
    const written = await lib.mutateNote(id, (cur) => (sameSynced(note, cur) ? cur : { ...cur, ...note }), {
      touch: false,
    })
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
export async function importArrivals(
  lib: Library,
  docs: Y.Doc[],
  notebooks: ReadonlySet<string>,
): Promise<Map<string, number>> {
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

/** Notes whose revisions are recorded with one sync. */
const REV_BATCH = 256
/** Note files read side by side: small files, so the waits overlap instead of adding up. */
const READ_BATCH = 64

/** Note docs are named by the note's id; library-level docs by a name starting with "@". */
export const isNoteGuid = (guid: string) => !guid.startsWith('@')

/** Reads the library notes `ids` into `into`; one removed meanwhile is left out. */
export async function readNotes(lib: Library, ids: string[], into: Map<string, Note>): Promise<void> {
  for (let i = 0; i < ids.length; i += READ_BATCH) {
    const notes = await Promise.all(
      ids.slice(i, i + READ_BATCH).map((id) =>
        lib.getNote(id).catch((error: unknown) => {
          if (error instanceof TicklerError && error.code === 'NOT_FOUND') return null
          throw error
        }),
      ),
    )
    for (const note of notes) if (note) into.set(note.id, note)
  }
}

/**
 * Step 6 of a pass: the touched docs into the library. Notebooks and boards first, so a note that
 * arrived with a new notebook finds it; notes new here in batches; the others one by one, written only
 * when the doc says something the library does not hold.
 */
export async function deriveAll(
  lib: Library,
  revs: RevIndex,
  stores: SyncStores,
  docs: Y.Doc[],
  known: ReadonlyMap<string, Note>,
  report: PassReport,
): Promise<void> {
  await applyLibraryDocs(docs, revs, lib, stores)
  const notebooks = notebookIds(lib)
  const noteDocs = docs.filter((d) => isNoteGuid(d.guid))
  const imported = await importArrivals(lib, noteDocs, notebooks)
  revs.set([...imported])
  report.written += imported.size
  // Recorded in batches (one sync each): a crash before a batch is recorded leaves its notes marked
  // "being written", so the next pass derives them again from their docs, which changes nothing.
  const done: [string, number | null][] = []
  const record = (guid: string, revision: number | null) => {
    done.push([guid, revision])
    if (done.length >= REV_BATCH) revs.set(done.splice(0))
  }
  for (const doc of noteDocs.filter((d) => !imported.has(d.guid))) {
    try {
      const before = lib.summaryOf(doc.guid)?.revision
      const outcome = await writeNote(lib, doc, { notebooks, known })
      if (outcome.kind === 'pending') {
        report.pending++
        continue
      }
      const revision = outcome.kind === 'written' ? outcome.revision : null
      if (revision !== before) report.written++
      record(doc.guid, revision)
    } catch (error) {
      // The library refuses what the doc says (beyond its limits): it keeps its own copy, which the
      // next local save publishes. Reported so the person knows.
      report.problems.push({
        file: doc.guid,
        reason: 'refused',
        detail: (error as Error).message.slice(0, 500),
      })
      record(doc.guid, lib.summaryOf(doc.guid)?.revision ?? null)
    }
  }
  revs.set(done)
}
