import { attachmentsIn } from '../../shared/domain/attachment'
import type { Note } from '../../shared/model'

/** Flags a note's state and contents set, for the filters (filters.ts). */
export const FLAG_DONE = 1
export const FLAG_TRASHED = 2
export const FLAG_ARCHIVED = 4
export const FLAG_FOLLOWUP = 8
export const FLAG_ATTACHMENT = 16

/** What the index needs of a note: its searchable text and the metadata filters test. */
export interface IndexDoc {
  id: string
  revision: number
  title: string
  text: string
  tags: string[]
  notebookId: string
  notebookName: string
  /** The board the note is a card on, or ''. */
  boardId: string
  createdAt: number
  updatedAt: number
  /** NaN without a follow-up. */
  dueAt: number
  flags: number
}

export function toIndexDoc(note: Note, notebookName: string): IndexDoc {
  return {
    id: note.id,
    revision: note.revision,
    title: note.title,
    text: note.text,
    tags: note.tags,
    notebookId: note.notebookId,
    notebookName,
    boardId: note.board?.boardId ?? '',
    createdAt: Date.parse(note.createdAt),
    updatedAt: Date.parse(note.updatedAt),
    dueAt: note.followUp ? Date.parse(note.followUp.dueAt) : NaN,
    flags:
      (note.doneAt ? FLAG_DONE : 0) |
      (note.trashedAt ? FLAG_TRASHED : 0) |
      (note.archivedAt ? FLAG_ARCHIVED : 0) |
      (note.followUp ? FLAG_FOLLOWUP : 0) |
      (attachmentsIn(note.doc.content).size > 0 ? FLAG_ATTACHMENT : 0),
  }
}
