import type { EventPayload } from '../../../electron/shared/contract'
import type { FollowUpView } from '../../../electron/shared/contract-followups'

type Change = Pick<EventPayload<'library.changed'>, 'noteIds' | 'summaries' | 'notebooks'>

/** Every note the view shows, in any section. */
export function idsIn(view: FollowUpView): Set<string> {
  const items = [...view.overdue, ...view.today, ...view.upcoming, ...view.recentlyDone]
  return new Set([...items, ...view.waitingOn.flatMap((group) => group.items)].map((item) => item.id))
}

/**
 * Whether a library change can alter the Follow-ups view: a written note carries a follow-up, or a note
 * the view shows was written or removed (done, cleared, renamed, trashed). A save of a note with no
 * follow-up — most saves — leaves the view as it is, so core is not asked again for it.
 */
export function touchesFollowUps(shown: ReadonlySet<string> | null, change: Change): boolean {
  if (!shown || change.notebooks) return true
  return change.noteIds.some((id) => shown.has(id)) || change.summaries.some((row) => row.followUp !== null)
}
