import { NOTE_SCHEMA_VERSION, Note, INBOX_ID, docLimitProblem, freshNoteState } from '../shared/model'
import { docToText, textToDoc } from '../shared/doc-text'
import { describeZodError } from '../shared/rpc'

export class NewerSchemaError extends Error {}

type Raw = Record<string, unknown>

/**
 * One step per version: MIGRATIONS[v] turns a version-v document into version v+1. Version 0 is the
 * pre-release format (no schemaVersion, plain-text `body`, `notebook` and `created`/`updated` fields).
 */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => {
    const body = typeof raw.body === 'string' ? raw.body : ''
    const doc = (raw.doc as Raw | undefined) ?? textToDoc(body)
    const created = typeof raw.created === 'string' ? raw.created : new Date(0).toISOString()
    return {
      id: raw.id,
      title: typeof raw.title === 'string' ? raw.title : '',
      doc,
      notebookId: typeof raw.notebook === 'string' ? raw.notebook : INBOX_ID,
      tags: Array.isArray(raw.tags) ? raw.tags : [],
      createdAt: created,
      updatedAt: typeof raw.updated === 'string' ? raw.updated : created,
      revision: 0,
      schemaVersion: 1,
    }
  },
  // Version 2 adds follow-ups and the done / archived / trashed states, all empty for older notes.
  1: (raw) => ({ ...raw, ...freshNoteState(), schemaVersion: 2 }),
  // Version 3 adds board placement: older notes are on no board.
  2: (raw) => ({ ...raw, board: null, schemaVersion: 3 }),
}

/** Brings any known older note document up to the current schema; `migrated` tells whether it changed. */
export function upgradeNote(input: unknown): { note: Note; migrated: boolean } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('not a JSON object')
  }
  let raw = input as Raw
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 0
  if (version > NOTE_SCHEMA_VERSION) {
    throw new NewerSchemaError(`written by a newer Tickler (schema ${version}, this one reads ${NOTE_SCHEMA_VERSION})`)
  }
  const migrated = version < NOTE_SCHEMA_VERSION
  while (version < NOTE_SCHEMA_VERSION) {
    const step = MIGRATIONS[version]
    if (!step) throw new Error(`no migration from schema ${version}`)
    raw = step(raw)
    version = raw.schemaVersion as number
  }
  const doc = raw.doc as Note['doc'] | undefined
  if (migrated && doc?.type === 'doc') raw.text = docToText(doc)
  // Notes this version wrote itself: every field but the document is checked in full (a follow-up whose
  // dueAt is no date would break show and the calendar feed); the document gets a shallow check, as a
  // full zod walk of every document would make rebuilding a large library several times slower, and deep
  // content errors only affect that editor. Its size and depth are always measured (without recursion),
  // so a hostile file nested a million levels deep is refused here, before anything walks it.
  if (!migrated) {
    const fields = NoteFields.safeParse(raw)
    if (fields.success && hasDocShape(raw.doc) && !docLimitProblem(raw.doc))
      return { note: { ...fields.data, doc: raw.doc }, migrated }
  }
  const parsed = Note.safeParse(raw)
  if (!parsed.success) throw new Error(`not a valid note (${describeZodError(parsed.error).slice(0, 300)})`)
  return { note: parsed.data, migrated }
}

const NoteFields = Note.omit({ doc: true })

function hasDocShape(doc: unknown): doc is Note['doc'] {
  const d = doc as Raw | null
  return typeof d === 'object' && d !== null && d.type === 'doc' && (d.content === undefined || Array.isArray(d.content))
}
