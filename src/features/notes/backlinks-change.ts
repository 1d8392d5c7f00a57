import type { EventPayload } from '../../../electron/shared/contract'

type Change = Pick<EventPayload<'library.changed'>, 'noteIds' | 'summaries'>

/**
 * Whether a library change can alter what "Linked from" shows for `noteId`: a written note links to it
 * now (a link added, a linking note restored), or a note shown there was written or removed (its link
 * dropped, its title or snippet changed, trashed, deleted). Every other save, including the note's own,
 * leaves the list as it is, so it is not asked for again.
 */
export function touchesBacklinks(noteId: string, shown: ReadonlySet<string>, change: Change): boolean {
  return (
    change.noteIds.some((id) => shown.has(id)) ||
    change.summaries.some((row) => row.id !== noteId && row.links.includes(noteId))
  )
}
