import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { type z } from 'zod'
import { docToText } from '../../shared/doc-text'
import {
  BoardPlacement,
  NOTE_SCHEMA_VERSION,
  NoteDoc,
  NotebookId,
  Tag,
  isoTimeSchema,
  type Note,
} from '../../shared/model'
import { deepEqual } from './deep-equal'
import { eventsOf, foldEvents, readEvents, recordChanges, seedEvents, type Lifecycle } from './lifecycle'
import { textEdit } from './text-edit'
import { updateFragment } from './y-diff'
import { FRAGMENT, readDoc, writeDoc } from './y-format'

/**
 * One note = one Y.Doc (guid = note id):
 *   "default" (XmlFragment)  the rich text, in TipTap Collaboration's format (y-format.ts)
 *   "title"   (Text)         merged character by character like the body
 *   "tags"    (Array)        tags in the order added; a tag removed is removed everywhere it appears
 *   "fields"  (Map)          notebookId, createdAt, updatedAt, board: last writer wins, per field
 *   "events"  (Array)        follow-up / done / archive / trash as causal events (lifecycle.ts)
 * The library's note JSON is derived from this; `revision` stays the library's own counter.
 */
export const TITLE = 'title'
export const TAGS = 'tags'
export const FIELDS = 'fields'

export type SyncedNote = Omit<Note, 'revision'>

const fieldsOf = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS)

/**
 * Y client id for a note's first conversion, computed from the note itself. Two devices converting the
 * very same note (two copies of one library joining at once) produce the very same Yjs items, which
 * Yjs then merges as one — so identical copies can never double their text. Differing copies get
 * differing ids and merge as two histories, which is why a device never converts a note the folder has.
 */
export function seedClientId(note: SyncedNote): number {
  const digest = createHash('sha256')
    .update(`${note.id}\0${JSON.stringify(stripText(note))}`)
    .digest()
  return digest.readUInt32LE(0) || 1
}

const stripText = (note: SyncedNote) => ({ ...note, text: undefined })

/** Converts a library note into a fresh Y.Doc: done once per note, ever (see engine join rules). */
export function seedNoteDoc(note: SyncedNote): Y.Doc {
  const doc = new Y.Doc({ guid: note.id, gc: true })
  const clientId = doc.clientID // random: this device's later edits must not reuse the seed's id
  doc.clientID = seedClientId(note)
  doc.transact(() => {
    writeDoc(doc.getXmlFragment(FRAGMENT), note.doc)
    doc.getText(TITLE).insert(0, note.title)
    if (note.tags.length) doc.getArray<string>(TAGS).push(note.tags)
    const fields = fieldsOf(doc)
    fields.set('notebookId', note.notebookId)
    fields.set('createdAt', note.createdAt)
    fields.set('updatedAt', note.updatedAt)
    fields.set('board', note.board)
    eventsOf(doc).push(seedEvents(note, note.createdAt))
  })
  doc.clientID = clientId
  return doc
}

function uniqueTags(tags: unknown[]): string[] {
  const seen = new Map<string, string>()
  for (const tag of tags) {
    const parsed = Tag.safeParse(tag)
    if (parsed.success && !seen.has(parsed.data.toLocaleLowerCase()))
      seen.set(parsed.data.toLocaleLowerCase(), parsed.data)
  }
  return [...seen.values()]
}

function field<T extends z.ZodType>(
  doc: Y.Doc,
  key: string,
  schema: T,
  fallback: z.output<T>,
  problems: string[],
): z.output<T> {
  const value = fieldsOf(doc).get(key)
  if (value === undefined) return fallback
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  problems.push(`${key} is not valid`)
  return fallback
}

export interface Derived {
  note: SyncedNote
  /** What did not validate and was left as the library had it. */
  problems: string[]
}

/**
 * The note JSON a Y.Doc stands for. Everything in a Y.Doc may come from another device, so each part is
 * validated; a part that fails keeps the value of `local` (the library's copy) and is reported.
 */
export function deriveNote(doc: Y.Doc, local: SyncedNote | null): Derived {
  const problems: string[] = []
  const parsedDoc = NoteDoc.safeParse(readDoc(doc.getXmlFragment(FRAGMENT)))
  if (!parsedDoc.success) problems.push('the text is not a valid document')
  const body = parsedDoc.success ? parsedDoc.data : (local?.doc ?? { type: 'doc', content: [] })
  const { events, invalid } = readEvents(doc)
  if (invalid) problems.push(`${invalid} follow-up event(s) are not valid`)
  const life = foldEvents(events)
  const now = new Date(0).toISOString()
  const note: SyncedNote = {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: doc.guid,
    title: doc.getText(TITLE).toJSON().slice(0, 500),
    doc: body,
    text: docToText(body),
    notebookId: field(doc, 'notebookId', NotebookId, local?.notebookId ?? 'inbox', problems),
    tags: uniqueTags(doc.getArray<unknown>(TAGS).toArray()),
    createdAt: field(doc, 'createdAt', isoTimeSchema, local?.createdAt ?? now, problems),
    updatedAt: field(doc, 'updatedAt', isoTimeSchema, local?.updatedAt ?? now, problems),
    board: field(doc, 'board', BoardPlacement.nullable(), local?.board ?? null, problems),
    ...life,
  }
  return { note, problems }
}

export const lifecycleOf = (n: Lifecycle): Lifecycle => ({
  followUp: n.followUp,
  doneAt: n.doneAt,
  trashedAt: n.trashedAt,
  archivedAt: n.archivedAt,
  history: n.history,
})

/** Prefix/suffix diff of a plain Y.Text, so a title edited on two devices keeps both edits. */
function updateText(text: Y.Text, want: string): void {
  const was = text.toJSON()
  if (was === want) return
  const { start, removed, inserted } = textEdit(was, want)
  if (removed) text.delete(start, removed)
  if (inserted) text.insert(start, inserted)
}

function updateTags(doc: Y.Doc, prev: string[], next: string[]): void {
  const tags = doc.getArray<unknown>(TAGS)
  const keep = new Set(next.map((t) => t.toLocaleLowerCase()))
  const had = new Set(prev.map((t) => t.toLocaleLowerCase()))
  const items = tags.toArray()
  for (let i = items.length - 1; i >= 0; i--) {
    const tag = items[i]
    if (typeof tag !== 'string' || !keep.has(tag.toLocaleLowerCase())) tags.delete(i, 1)
  }
  const added = next.filter((t) => !had.has(t.toLocaleLowerCase()))
  if (added.length) tags.push(added)
}

/**
 * Writes this device's change (the library's JSON `next`, compared with what the Y.Doc says now) into the
 * Y.Doc as the smallest set of Yjs operations. Returns whether anything changed.
 */
export function absorbNote(doc: Y.Doc, next: SyncedNote, device: string): boolean {
  const prev = deriveNote(doc, next).note
  let changed = false
  doc.transact((tr) => {
    const before = stateKey(doc)
    updateFragment(doc.getXmlFragment(FRAGMENT), next.doc)
    updateText(doc.getText(TITLE), next.title)
    if (!deepEqual(prev.tags, next.tags)) updateTags(doc, prev.tags, next.tags)
    const fields = fieldsOf(doc)
    for (const key of ['notebookId', 'createdAt', 'board'] as const) {
      if (!deepEqual(prev[key], next[key])) fields.set(key, next[key])
    }
    recordChanges(doc, device, lifecycleOf(prev), lifecycleOf(next), next.updatedAt)
    // A deletion adds no item (only to the delete set), so both are looked at.
    changed = stateKey(doc) !== before || tr.deleteSet.clients.size > 0
    // updatedAt is written only with a real change, so an unchanged save costs no Yjs operation.
    if (changed && prev.updatedAt !== next.updatedAt) fields.set('updatedAt', next.updatedAt)
  })
  return changed
}

/** A doc's state vector as a comparable string. */
export const stateKey = (doc: Y.Doc): string => Buffer.from(Y.encodeStateVector(doc)).toString('base64')

/** Appends one paragraph of plain text to a note's body (tickler append). */
export function appendParagraph(doc: Y.Doc, text: string, at: string): void {
  doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph')
    if (text) {
      const run = new Y.XmlText()
      run.insert(0, text)
      paragraph.insert(0, [run])
    }
    const fragment = doc.getXmlFragment(FRAGMENT)
    fragment.insert(fragment.length, [paragraph])
    fieldsOf(doc).set('updatedAt', at)
  })
}
