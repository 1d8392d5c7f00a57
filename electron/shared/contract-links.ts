import { z } from 'zod'
import { method } from './contract-method'
import { NoteId, NoteSummary } from './model'

/** Links between notes, spread into the contract. */

export const Backlink = NoteSummary.pick({ id: true, title: true, notebookId: true, updatedAt: true, snippet: true })
export type Backlink = z.infer<typeof Backlink>

export const linksContract = {
  /** "Linked from": the notes (not in the Trash) whose text links to this one, most recently edited first. */
  'notes.backlinks': method(z.object({ id: NoteId }), z.array(Backlink)),
} as const
