import type { EventPayload } from '../shared/contract'
import { summaryWithLinks } from './note-files'
import type { LibraryChange } from './types'

/** A library change as windows are told it (`library.changed`): the written notes' list rows, not the notes. */
export const changedEvent = (change: LibraryChange): EventPayload<'library.changed'> => ({
  noteIds: change.noteIds,
  notebooks: change.notebooks,
  summaries: change.notes.map(summaryWithLinks),
  removed: change.removed,
})
