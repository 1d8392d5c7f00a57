import type { Note, NoteSummary } from '../model'
import { docStats } from './doc-stats'

/** The notebook every library has: new notes, captures and mail land here, and it cannot be removed. */
export const INBOX_ID = 'inbox'

/** Done, archived and trashed notes never have a pending follow-up, whatever their followUp field says. */
export function pendingFollowUp<F>(note: {
  followUp: F | null
  doneAt: string | null
  archivedAt: string | null
  trashedAt: string | null
}): F | null {
  return note.followUp && !note.doneAt && !note.archivedAt && !note.trashedAt ? note.followUp : null
}

/** A one-line preview for the note list. */
export function snippetOf(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`
}

/**
 * A note's row in the note list. Core keeps these in memory and in the start-up snapshot; the renderer
 * makes one from a note it just saved, so the row looks the same before and after the next refresh.
 * `links` (the ids the note links to) are read from the document by core's link parser, so they are passed in.
 */
export function summaryOf(note: Note, links: string[]): NoteSummary {
  return {
    id: note.id,
    title: note.title,
    notebookId: note.notebookId,
    tags: note.tags,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    revision: note.revision,
    followUp: note.followUp,
    doneAt: note.doneAt,
    archivedAt: note.archivedAt,
    trashedAt: note.trashedAt,
    board: note.board,
    snippet: snippetOf(note.text),
    ...docStats(note.doc),
    links,
  }
}
