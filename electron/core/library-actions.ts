import { INBOX_ID, Tag, type Note, type NoteSummary } from '../shared/model'
import { TicklerError, describeZodError } from '../shared/rpc'
import type { Library } from './types'

/**
 * Organising operations over many notes: each changed note is one durable write through the library's
 * write queue (mutateNote), and every input is checked before the first write, so a bad id or tag
 * changes nothing at all.
 */

function requireNotes(lib: Library, ids: readonly string[]): NoteSummary[] {
  const byId = new Map(lib.listNotes().map((s) => [s.id, s]))
  const missing = ids.filter((id) => !byId.has(id))
  if (missing.length) throw new TicklerError('NOT_FOUND', `There is no note with id ${missing.join(', ')}.`)
  return [...new Set(ids)].map((id) => byId.get(id)!)
}

function requireNotebook(lib: Library, id: string): void {
  if (!lib.listNotebooks().some((nb) => nb.id === id)) {
    throw new TicklerError('NOT_FOUND', `There is no notebook with id ${id}.`)
  }
}

function parseTag(value: string): string {
  const parsed = Tag.safeParse(value)
  if (!parsed.success) throw new TicklerError('BAD_INPUT', `"${value}": ${describeZodError(parsed.error)}`)
  return parsed.data
}

/** Writes `change` to each note whose summary passes `when`; returns how many notes changed. */
async function eachNote(
  lib: Library,
  notes: NoteSummary[],
  when: (s: NoteSummary) => boolean,
  change: (n: Note) => Note,
): Promise<number> {
  let changed = 0
  for (const s of notes) {
    if (!when(s)) continue
    const before = s.revision
    const after = await lib.mutateNote(s.id, change)
    if (after.revision !== before) changed++
  }
  return changed
}

export async function trashNotes(lib: Library, ids: readonly string[]): Promise<number> {
  const at = lib.now().toISOString()
  return eachNote(lib, requireNotes(lib, ids), (s) => !s.trashedAt, (n) => (n.trashedAt ? n : { ...n, trashedAt: at }))
}

export async function restoreNotes(lib: Library, ids: readonly string[]): Promise<number> {
  const notebooks = new Set(lib.listNotebooks().map((nb) => nb.id))
  return eachNote(
    lib,
    requireNotes(lib, ids),
    (s) => s.trashedAt !== null,
    // A note whose notebook is gone comes back to the Inbox rather than to nowhere.
    (n) => (n.trashedAt ? { ...n, trashedAt: null, notebookId: notebooks.has(n.notebookId) ? n.notebookId : INBOX_ID } : n),
  )
}

/** Only notes already in the Trash can be deleted for good: one mistaken call cannot skip the Trash. */
export async function deleteForever(lib: Library, ids: readonly string[]): Promise<number> {
  const notes = requireNotes(lib, ids)
  const live = notes.filter((s) => !s.trashedAt)
  if (live.length) {
    throw new TicklerError('CONFLICT', `Move these notes to the Trash first: ${live.map((s) => s.id).join(', ')}.`)
  }
  for (const s of notes) await lib.deleteNoteForever(s.id)
  return notes.length
}

export async function emptyTrash(lib: Library): Promise<number> {
  const trashed = lib.listNotes().filter((s) => s.trashedAt)
  for (const s of trashed) await lib.deleteNoteForever(s.id)
  return trashed.length
}

export async function moveNotes(lib: Library, ids: readonly string[], notebookId: string): Promise<number> {
  requireNotebook(lib, notebookId)
  return eachNote(lib, requireNotes(lib, ids), (s) => s.notebookId !== notebookId, (n) => ({ ...n, notebookId }))
}

const hasTag = (tags: readonly string[], tag: string) => tags.some((t) => t.toLocaleLowerCase() === tag.toLocaleLowerCase())

export async function addTag(lib: Library, ids: readonly string[], tag: string): Promise<number> {
  const wanted = parseTag(tag)
  return eachNote(lib, requireNotes(lib, ids), (s) => !hasTag(s.tags, wanted), (n) => ({ ...n, tags: [...n.tags, wanted] }))
}

/**
 * Renames a tag on every note carrying it (matched ignoring case). Renaming to a tag that already
 * exists merges the two: a note with both keeps one.
 */
export async function renameTag(lib: Library, from: string, to: string): Promise<number> {
  const source = parseTag(from)
  const target = parseTag(to)
  const carriers = lib.listNotes().filter((s) => hasTag(s.tags, source))
  if (carriers.length === 0) throw new TicklerError('NOT_FOUND', `No note has the tag "${source}".`)
  const retag = (tags: readonly string[]) => {
    const next: string[] = []
    for (const t of tags) {
      const name = t.toLocaleLowerCase() === source.toLocaleLowerCase() ? target : t
      if (!hasTag(next, name)) next.push(name)
    }
    return next
  }
  return eachNote(
    lib,
    carriers,
    () => true,
    (n) => {
      const tags = retag(n.tags)
      return tags.length === n.tags.length && tags.every((t, i) => t === n.tags[i]) ? n : { ...n, tags }
    },
  )
}

/** Trashes every note in the notebook (they land in the Inbox when restored), then removes it. */
export async function deleteNotebook(lib: Library, id: string): Promise<number> {
  requireNotebook(lib, id)
  if (id === INBOX_ID) throw new TicklerError('BAD_INPUT', 'The Inbox cannot be deleted.')
  const at = lib.now().toISOString()
  const inside = lib.listNotes().filter((s) => s.notebookId === id)
  const trashed = inside.filter((s) => !s.trashedAt).length
  await eachNote(lib, inside, () => true, (n) => ({ ...n, notebookId: INBOX_ID, trashedAt: n.trashedAt ?? at }))
  await lib.removeNotebook(id)
  return trashed
}
