import { z } from 'zod'
import { method } from './contract-method'
import { NoteId, Notebook, NotebookId, Tag } from './model'

/** Organising calls (notebooks, tags, moves, Trash), spread into the contract. */

/** A selection in the note list; capped so one call cannot queue an unbounded batch of writes. */
const NoteIds = z.array(NoteId).min(1, 'select at least one note').max(10_000, 'at most 10,000 notes at once')
const Changed = z.object({ count: z.number().int().nonnegative() })

export const libraryContract = {
  'notebooks.rename': method(z.object({ id: NotebookId, name: Notebook.shape.name }), Notebook),
  /** Trashes the notebook's notes (restored ones return to the Inbox) and removes it; count = notes trashed. */
  'notebooks.delete': method(z.object({ id: NotebookId }), Changed),
  'notes.move': method(z.object({ ids: NoteIds, notebookId: NotebookId }), Changed),
  'notes.addTag': method(z.object({ ids: NoteIds, tag: Tag }), Changed),
  'notes.trash': method(z.object({ ids: NoteIds }), Changed),
  'notes.restore': method(z.object({ ids: NoteIds }), Changed),
  /** Only for notes already in the Trash. */
  'notes.deleteForever': method(z.object({ ids: NoteIds }), Changed),
  'trash.empty': method(z.object({}), Changed),
  /** Renaming to an existing tag merges the two; count = notes changed. */
  'tags.rename': method(z.object({ from: Tag, to: Tag }), Changed),
} as const
