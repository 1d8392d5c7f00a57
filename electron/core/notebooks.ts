import { join, relative } from 'node:path'
import { access, mkdir, rename } from 'node:fs/promises'
import { Low } from 'lowdb'
import { INBOX_ID, type Notebook } from '../shared/model'
import { TicklerError } from '../shared/rpc'
import { DurableJsonFile, UnreadableFileError } from './json-document'
import type { CorruptFile } from './types'

export const LIBRARY_SCHEMA_VERSION = 1

export interface LibraryDoc {
  schemaVersion: number
  notebooks: Notebook[]
}

const fresh = (now: Date): LibraryDoc => ({
  schemaVersion: LIBRARY_SCHEMA_VERSION,
  notebooks: [{ id: INBOX_ID, name: 'Inbox', createdAt: now.toISOString() }],
})

/**
 * Opens library.json (notebooks). An unreadable file is moved aside and reported; the library then
 * starts from the default notebooks and recovers the ones its notes still refer to.
 */
export async function openLibraryDoc(
  dataDir: string,
  now: Date,
  readOnly: boolean,
): Promise<{ db: Low<LibraryDoc>; corrupt: CorruptFile | null }> {
  const path = join(dataDir, 'library.json')
  const db = new Low<LibraryDoc>(new DurableJsonFile<LibraryDoc>(path), fresh(now))
  let corrupt: CorruptFile | null = null
  try {
    await db.read()
    // First open: make the default notebooks real, so their ids and dates stay the same from now on.
    if (!readOnly && !(await exists(path))) await db.write()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    db.data = fresh(now)
    let movedTo = ''
    if (!readOnly) {
      await mkdir(join(dataDir, 'corrupt'), { recursive: true })
      const to = join(dataDir, 'corrupt', `library.${Date.now()}.json`)
      await rename(path, to)
      movedTo = relative(dataDir, to)
    }
    corrupt = { file: 'library.json', movedTo, reason: error.reason }
  }
  if (db.data.schemaVersion > LIBRARY_SCHEMA_VERSION) {
    throw new Error(`library.json was written by a newer Tickler (schema ${db.data.schemaVersion}); update Tickler.`)
  }
  if (!db.data.notebooks.some((nb) => nb.id === INBOX_ID)) db.data.notebooks.unshift(fresh(now).notebooks[0]!)
  return { db, corrupt }
}

function find(doc: LibraryDoc, id: string): Notebook {
  const notebook = doc.notebooks.find((nb) => nb.id === id)
  if (!notebook) throw new TicklerError('NOT_FOUND', `There is no notebook with id ${id}.`)
  return notebook
}

/** Renames in place (the caller hands over a copy of the array); names stay unique ignoring case. */
export function renameInDoc(doc: LibraryDoc, id: string, name: string): Notebook {
  const current = find(doc, id)
  // The Inbox's name is translated in the app, so a stored name would never be shown.
  if (id === INBOX_ID) throw new TicklerError('BAD_INPUT', 'The Inbox cannot be renamed.')
  const trimmed = name.trim()
  if (!trimmed) throw new TicklerError('BAD_INPUT', 'A notebook name cannot be empty.')
  const wanted = trimmed.toLocaleLowerCase()
  if (doc.notebooks.some((nb) => nb.id !== id && nb.name.toLocaleLowerCase() === wanted)) {
    throw new TicklerError('CONFLICT', `A notebook named "${trimmed}" already exists.`)
  }
  const renamed = { ...current, name: trimmed }
  doc.notebooks = doc.notebooks.map((nb) => (nb.id === id ? renamed : nb))
  return renamed
}

export function removeFromDoc(doc: LibraryDoc, id: string, notesInIt: number): void {
  find(doc, id)
  if (id === INBOX_ID) throw new TicklerError('BAD_INPUT', 'The Inbox cannot be deleted.')
  if (notesInIt > 0) {
    throw new TicklerError('CONFLICT', `The notebook still holds ${notesInIt} note(s); move or trash them first.`)
  }
  doc.notebooks = doc.notebooks.filter((nb) => nb.id !== id)
}

/** Notes may name a notebook library.json no longer lists (it was lost or edited by hand): give it back. */
export function recoverNotebooks(doc: LibraryDoc, usedIds: Iterable<string>, now: Date): boolean {
  const known = new Set(doc.notebooks.map((nb) => nb.id))
  let changed = false
  for (const id of usedIds) {
    if (known.has(id)) continue
    doc.notebooks.push({ id, name: `Recovered (${id})`, createdAt: now.toISOString() })
    known.add(id)
    changed = true
  }
  return changed
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )
