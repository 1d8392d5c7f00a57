import type { FollowUp, HistoryEntry, Note, NoteSummary } from '../../shared/model'
import { attemptsOf, firstDue, nextDue, type Standard } from '../../shared/followups/standards'
import { toZonedIso } from '../../shared/followups/zone'
import { pendingFollowUp } from '../../shared/domain/notes'
import { TicklerError } from '../../shared/rpc'

/**
 * The follow-up engine: pure functions of notes, standards and a given "now". Main, the CLI and the
 * preview only turn its answers into timers, notifications and saved files.
 */

export interface EngineContext {
  now: Date
  timeZone: string
  standards: Standard[]
}

export type Followable = Pick<
  NoteSummary,
  'id' | 'title' | 'followUp' | 'doneAt' | 'archivedAt' | 'trashedAt'
>

export { pendingFollowUp }

export const dueTime = (f: FollowUp): number => Date.parse(f.dueAt)

/** One notification per (note, due instant); the instant, not the string, so "Z" and "+09:00" agree. */
export const deliveryKey = (noteId: string, f: FollowUp): string => `${noteId}@${dueTime(f)}`

export interface Due {
  id: string
  title: string
  followUp: FollowUp
  key: string
}

/** Pending follow-ups due at or before now that have not been notified yet, oldest first. */
export function undelivered(notes: Iterable<Followable>, now: Date, delivered: ReadonlySet<string>): Due[] {
  const out: Due[] = []
  for (const n of notes) {
    const f = pendingFollowUp(n)
    if (!f || dueTime(f) > now.getTime()) continue
    const key = deliveryKey(n.id, f)
    if (!delivered.has(key)) out.push({ id: n.id, title: n.title, followUp: f, key })
  }
  return out.sort((a, b) => dueTime(a.followUp) - dueTime(b.followUp))
}

/** The earliest future due time of a pending follow-up, or null when nothing is scheduled. */
export function nextWakeUp(notes: Iterable<Followable>, now: Date): Date | null {
  let best = Infinity
  for (const n of notes) {
    const f = pendingFollowUp(n)
    const t = f ? dueTime(f) : Infinity
    if (t > now.getTime() && t < best) best = t
  }
  return best === Infinity ? null : new Date(best)
}

/** Keys worth keeping: any that still match a pending follow-up, and recent ones (a reopened note). */
export function pruneDelivered(
  delivered: Iterable<string>,
  notes: Iterable<Followable>,
  now: Date,
): Set<string> {
  const live = new Set<string>()
  for (const n of notes) {
    const f = pendingFollowUp(n)
    if (f) live.add(deliveryKey(n.id, f))
  }
  const cutoff = now.getTime() - 60 * 86_400_000
  return new Set(
    [...delivered].filter((k) => live.has(k) || Number(k.slice(k.lastIndexOf('@') + 1)) > cutoff),
  )
}

const entry = (
  ctx: EngineContext,
  kind: HistoryEntry['kind'],
  dueAt?: Date,
  detail?: string,
): HistoryEntry => ({
  at: toZonedIso(ctx.now, ctx.timeZone),
  kind,
  ...(dueAt ? { dueAt: toZonedIso(dueAt, ctx.timeZone) } : {}),
  ...(detail ? { detail } : {}),
})

function requireOpen(note: Note): void {
  if (note.trashedAt)
    throw new TicklerError('BAD_INPUT', 'This note is in the trash; restore it to follow it up.')
  if (note.archivedAt)
    throw new TicklerError('BAD_INPUT', 'This note is archived; unarchive it to follow it up.')
}

function requirePending(note: Note): FollowUp {
  const f = pendingFollowUp(note)
  if (!f) throw new TicklerError('BAD_INPUT', 'This note has no pending follow-up.')
  return f
}

export function findStandard(ctx: EngineContext, id: string | null): Standard | null {
  if (id === null) return null
  const s = ctx.standards.find((x) => x.id === id)
  if (!s) throw new TicklerError('NOT_FOUND', `There is no follow-up standard "${id}".`)
  return s
}

export interface SetInput {
  /** Null: use the standard's first offset. */
  dueAt: Date | null
  waitingOn?: string | null
  owner?: string | null
  standard?: string | null
}

/** Sets or changes the follow-up. A done note is reopened: the user is chasing it again. */
export function setFollowUp(note: Note, input: SetInput, ctx: EngineContext): Note {
  requireOpen(note)
  const previous = note.followUp
  const standardId = input.standard !== undefined ? input.standard : (previous?.standard ?? null)
  const standard = findStandard(ctx, standardId)
  const dueAt = input.dueAt ?? (standard ? firstDue(standard, ctx.now, ctx.timeZone) : null)
  if (!dueAt) throw new TicklerError('BAD_INPUT', 'Say when to follow up, or pick a standard.')
  const keepAttempt = pendingFollowUp(note) !== null && standardId === previous?.standard
  const followUp: FollowUp = {
    dueAt: toZonedIso(dueAt, ctx.timeZone),
    waitingOn: input.waitingOn !== undefined ? input.waitingOn || null : (previous?.waitingOn ?? null),
    owner: input.owner !== undefined ? input.owner || null : (previous?.owner ?? null),
    attempt: keepAttempt ? previous.attempt : 1,
    standard: standardId,
  }
  const history = [...note.history]
  if (note.doneAt) history.push(entry(ctx, 'reopened'))
  history.push(entry(ctx, 'followup-set', dueAt, standard?.name))
  return { ...note, followUp, doneAt: null, history }
}

export function snooze(note: Note, until: Date, ctx: EngineContext): Note {
  const f = requirePending(note)
  if (until.getTime() <= ctx.now.getTime())
    throw new TicklerError('BAD_INPUT', 'Snooze until a time still to come.')
  const dueAt = toZonedIso(until, ctx.timeZone)
  return { ...note, followUp: { ...f, dueAt }, history: [...note.history, entry(ctx, 'snooze', until)] }
}

/** `detail` says why, when it was not the user: "Replied by Kim, 2026-12-07 10:12". */
export function markDone(note: Note, ctx: EngineContext, detail?: string): Note {
  if (note.doneAt) return note
  const f = note.followUp
  return {
    ...note,
    followUp: null,
    doneAt: toZonedIso(ctx.now, ctx.timeZone),
    history: [...note.history, entry(ctx, 'done', f ? new Date(f.dueAt) : undefined, detail)],
  }
}

export function reopen(note: Note, ctx: EngineContext): Note {
  if (!note.doneAt) return note
  return { ...note, doneAt: null, history: [...note.history, entry(ctx, 'reopened')] }
}

export function clearFollowUp(note: Note, ctx: EngineContext): Note {
  if (!note.followUp) return note
  const due = new Date(note.followUp.dueAt)
  return { ...note, followUp: null, history: [...note.history, entry(ctx, 'followup-cleared', due)] }
}

export type LogOutcome =
  | { kind: 'next'; attempt: number; attempts: number | null; dueAt: string }
  /** The cadence has no further attempt: the follow-up is closed and the user is asked what next. */
  | { kind: 'finished'; attempt: number; attempts: number | null }

/** Records that the user followed up now, and schedules the next attempt per the standard. */
export function logAttempt(note: Note, ctx: EngineContext): { note: Note; outcome: LogOutcome } {
  requireOpen(note)
  const f = requirePending(note)
  const standard = findStandard(ctx, f.standard)
  const attempts = standard ? attemptsOf(standard) : null
  const of = attempts ? ` of ${attempts}` : ''
  const logged = entry(ctx, 'attempt', new Date(f.dueAt), `attempt ${f.attempt}${of}`)
  const next = standard ? nextDue(standard, f.attempt, ctx.now, ctx.timeZone) : null
  if (!next) {
    const history = [...note.history, logged]
    return {
      note: { ...note, followUp: null, history },
      outcome: { kind: 'finished', attempt: f.attempt, attempts },
    }
  }
  const dueAt = toZonedIso(next, ctx.timeZone)
  return {
    note: { ...note, followUp: { ...f, dueAt, attempt: f.attempt + 1 }, history: [...note.history, logged] },
    outcome: { kind: 'next', attempt: f.attempt + 1, attempts, dueAt },
  }
}
