import { INBOX_ID, NOTE_SCHEMA_VERSION, freshNoteState, type Note } from '../shared/model'
import { docToText } from '../shared/doc-text'
import { newId } from './note-files'
import type { CreateNoteInput, ImportedNoteInput, UpdateNoteInput } from './types'

/** What each kind of write makes of a note: its derived text, tags, times and next revision. */

/** Tags once each, case-insensitively, under the spelling first given. */
export function uniqueTags(tags: string[]): string[] {
  const seen = new Map<string, string>()
  for (const tag of tags) if (!seen.has(tag.toLocaleLowerCase())) seen.set(tag.toLocaleLowerCase(), tag)
  return [...seen.values()]
}

/** A new note's first revision; an empty paragraph when it comes without a document. */
export function createdNote(input: CreateNoteInput, at: string): Note {
  const doc = input.doc ?? { type: 'doc', content: [{ type: 'paragraph' }] }
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: newId(),
    title: input.title ?? '',
    doc,
    text: docToText(doc),
    notebookId: input.notebookId ?? INBOX_ID,
    tags: uniqueTags(input.tags ?? []),
    createdAt: at,
    updatedAt: at,
    revision: 1,
    ...freshNoteState(),
  }
}

/** The note with an editor's patch applied; the text is derived again only when the document changed. */
export function patchedNote(current: Note, patch: UpdateNoteInput, at: string): Note {
  const doc = patch.doc ?? current.doc
  return {
    ...current,
    title: patch.title ?? current.title,
    doc,
    text: patch.doc ? docToText(doc) : current.text,
    tags: patch.tags ? uniqueTags(patch.tags) : current.tags,
    notebookId: patch.notebookId ?? current.notebookId,
    updatedAt: at,
    revision: current.revision + 1,
  }
}

/** A feature's change of a note as written: text kept in step with the document; `at` null keeps the time. */
export function changedNote(current: Note, next: Note, at: string | null): Note {
  return {
    ...next,
    text: next.doc === current.doc ? next.text : docToText(next.doc),
    updatedAt: at ?? next.updatedAt,
    revision: current.revision + 1,
  }
}

/** The note an imported one becomes: its first revision, text derived from its document. */
export function importedNote(input: ImportedNoteInput, id: string): Note {
  return {
    ...input,
    schemaVersion: NOTE_SCHEMA_VERSION,
    id,
    text: docToText(input.doc),
    tags: uniqueTags(input.tags),
    revision: 1,
    trashedAt: null,
  }
}
