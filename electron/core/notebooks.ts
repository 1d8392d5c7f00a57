import { access } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { z } from 'zod'
import { INBOX_ID, Notebook } from '../shared/model'
import { TicklerError } from '../shared/rpc'
import { openSmallDoc } from './small-doc'
import type { CorruptFile } from './types'

export const LIBRARY_SCHEMA_VERSION = 1

const LibraryDocSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  notebooks: z.array(Notebook),
})
export type LibraryDoc = z.infer<typeof LibraryDocSchema>

const fresh = (now: Date): LibraryDoc => ({
  schemaVersion: LIBRARY_SCHEMA_VERSION,
  notebooks: [{ id: INBOX_ID, name: 'Inbox', createdAt: now.toISOString() }],
})

/**
 * Opens library.json (notebooks). A file that does not parse or does not match its schema (`{}`, `[]`,
 * notebooks that are not a list of notebooks) is moved aside and reported; the library then starts from
 * the default notebooks and recovers the ones its notes still refer to.
 */
export async function openLibraryDoc(
  dataDir: string,
  now: Date,
  readOnly: boolean,
): Promise<{ db: Low<LibraryDoc>; corrupt: CorruptFile | null }> {
  const path = join(dataDir, 'library.json')
  const existed = await exists(path)
  const { db, corrupt } = await openSmallDoc(dataDir, 'library.json', LibraryDocSchema, () => fresh(now), readOnly, {
    newestVersion: LIBRARY_SCHEMA_VERSION,
  })
  // First open: make the default notebooks real, so their ids and dates stay the same from now on.
  if (!readOnly && !existed) await db.write()
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
