import type { NoteSummary } from '../../shared/model'
import type { FollowUpItem, FollowUpView } from '../../shared/contract-followups'
import { attemptsOf, type Standard } from '../../shared/followups/standards'
import { addDays, startOfDay } from '../../shared/followups/zone'
import { dueTime, pendingFollowUp, type Followable } from './engine'

type Row = Followable & Pick<NoteSummary, 'notebookId'>

const RECENTLY_DONE_DAYS = 7
const RECENTLY_DONE_MAX = 50

export function itemOf(n: Row, standards: Standard[]): FollowUpItem | null {
  const f = pendingFollowUp(n)
  if (!f) return null
  const standard = f.standard ? standards.find((s) => s.id === f.standard) : undefined
  return {
    id: n.id,
    title: n.title,
    notebookId: n.notebookId,
    dueAt: f.dueAt,
    waitingOn: f.waitingOn,
    owner: f.owner,
    attempt: f.attempt,
    attempts: standard ? attemptsOf(standard) : null,
    standard: f.standard,
  }
}

/** The Follow-ups view: Overdue, Today, Upcoming, Waiting on (by person), Recently done — "today" in the user's zone. */
export function buildView(
  notes: Iterable<Row>,
  now: Date,
  timeZone: string,
  standards: Standard[],
): FollowUpView {
  const tomorrow = addDays(startOfDay(now, timeZone), 1, timeZone).getTime()
  const doneSince = now.getTime() - RECENTLY_DONE_DAYS * 86_400_000
  const items: FollowUpItem[] = []
  const done: FollowUpView['recentlyDone'] = []
  for (const n of notes) {
    const item = itemOf(n, standards)
    if (item) items.push(item)
    else if (n.doneAt && !n.trashedAt && Date.parse(n.doneAt) >= doneSince) {
      done.push({ id: n.id, title: n.title, doneAt: n.doneAt })
    }
  }
  items.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
  done.sort((a, b) => Date.parse(b.doneAt) - Date.parse(a.doneAt))
  const t = now.getTime()
  const overdue = items.filter((i) => Date.parse(i.dueAt) <= t)
  const today = items.filter((i) => Date.parse(i.dueAt) > t && Date.parse(i.dueAt) < tomorrow)
  const upcoming = items.filter((i) => Date.parse(i.dueAt) >= tomorrow)
  const people = new Map<string, FollowUpItem[]>()
  for (const i of items) {
    if (!i.waitingOn) continue
    // One group per person however the name was capitalised.
    const key = i.waitingOn.toLocaleLowerCase()
    people.set(key, [...(people.get(key) ?? []), i])
  }
  const waitingOn = [...people.values()]
    .map((group) => ({ person: group[0]!.waitingOn!, items: group }))
    .sort((a, b) => a.person.localeCompare(b.person))
  const recentlyDone = done.slice(0, RECENTLY_DONE_MAX)
  return {
    overdue,
    today,
    upcoming,
    waitingOn,
    recentlyDone,
    counts: {
      overdue: overdue.length,
      today: today.length,
      upcoming: upcoming.length,
      waitingOn: waitingOn.reduce((sum, g) => sum + g.items.length, 0),
      recentlyDone: recentlyDone.length,
    },
  }
}

/** Overdue and due today as of `now`, oldest first: what `tickler due` prints. */
export function dueByEndOfToday(notes: Iterable<Row>, now: Date, timeZone: string, standards: Standard[]) {
  const tomorrow = addDays(startOfDay(now, timeZone), 1, timeZone).getTime()
  const out: FollowUpItem[] = []
  for (const n of notes) {
    const f = pendingFollowUp(n)
    if (f && dueTime(f) < tomorrow) out.push(itemOf(n, standards)!)
  }
  return out.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))
}
