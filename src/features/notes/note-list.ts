import { summaryOf } from '../../../electron/shared/domain/notes'
import type { Note, NoteSummary } from '../../../electron/shared/model'

export type Scope = { kind: 'all' } | { kind: 'notebook'; id: string }

export function inScope(scope: Scope, notebookId: string): boolean {
  return scope.kind === 'all' || scope.id === notebookId
}

/** Newest first; ties broken by id so the order never flickers between refreshes. */
export function sortByUpdated(notes: readonly NoteSummary[]): NoteSummary[] {
  return [...notes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
}

/** Puts a saved or created note into the visible list, or takes it out if it left the scope. */
export function upsertSummary(list: readonly NoteSummary[], note: Note, scope: Scope): NoteSummary[] {
  const rest = list.filter((item) => item.id !== note.id)
  const previous = list.find((item) => item.id === note.id)
  // A stale save reply must not replace a newer row that a refresh already brought in.
  if (previous && previous.revision > note.revision) return [...list]
  return inScope(scope, note.notebookId)
    ? sortByUpdated([summaryOf(note, previous?.links ?? []), ...rest])
    : rest
}
