import type * as Y from 'yjs'
import { z } from 'zod'
import { FollowUp, HistoryEntry, isoTimeSchema, type Note } from '../../shared/model'
import { deepEqual } from './deep-equal'

/**
 * A note's follow-up, done, archived and trashed state as a small log of events with causality, folded
 * the same way on every device — never last-writer-wins on a clock that two computers disagree about.
 *
 * Each event says what its device had seen (`seen`: the highest event number of every device it had
 * integrated). An event another event has seen is superseded; the events of an aspect nobody has seen
 * yet are its heads, and the state is the winning head's: for the follow-up, a Done beats a concurrent
 * snooze (the person finished the work somewhere); a Reopen that saw the Done is later and simply wins.
 * For the Trash, a concurrent restore beats a trash (nothing hidden without the person seeing it).
 * Otherwise the later `at`, then the event id, decide — the same answer everywhere.
 */
export const EVENTS = 'events'

const Aspect = z.enum(['followup', 'trash', 'archive'])
type Aspect = z.infer<typeof Aspect>

const DeviceKey = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
export const LifecycleEvent = z.object({
  device: DeviceKey,
  n: z.number().int().positive(),
  seen: z.record(DeviceKey, z.number().int().nonnegative()),
  at: isoTimeSchema,
  aspect: Aspect,
  followUp: FollowUp.nullable().optional(),
  doneAt: isoTimeSchema.nullable().optional(),
  trashedAt: isoTimeSchema.nullable().optional(),
  archivedAt: isoTimeSchema.nullable().optional(),
  history: z.array(HistoryEntry).max(1000),
})
export type LifecycleEvent = z.infer<typeof LifecycleEvent>

export type Lifecycle = Pick<Note, 'followUp' | 'doneAt' | 'trashedAt' | 'archivedAt' | 'history'>

/** The device name seed events carry: identical on every device that converts the same note. */
export const SEED_DEVICE = 'seed'

export const eventsOf = (doc: Y.Doc): Y.Array<unknown> => doc.getArray(EVENTS)

/** Events that pass validation, in the array's (deterministic) order; anything else is skipped. */
export function readEvents(doc: Y.Doc): { events: LifecycleEvent[]; invalid: number } {
  const events: LifecycleEvent[] = []
  let invalid = 0
  for (const raw of eventsOf(doc).toArray()) {
    const parsed = LifecycleEvent.safeParse(raw)
    if (parsed.success) events.push(parsed.data)
    else invalid++
  }
  return { events, invalid }
}

const sees = (f: LifecycleEvent, e: LifecycleEvent) =>
  f !== e && ((f.device === e.device && f.n > e.n) || (f.seen[e.device] ?? 0) >= e.n)

const later = (a: LifecycleEvent, b: LifecycleEvent) => {
  const ta = Date.parse(a.at)
  const tb = Date.parse(b.at)
  if (ta !== tb) return ta > tb
  return `${a.device}.${a.n}` > `${b.device}.${b.n}`
}

const PREFERRED: Record<Aspect, (e: LifecycleEvent) => boolean> = {
  followup: (e) => e.doneAt != null,
  trash: (e) => e.trashedAt == null,
  archive: () => false,
}

function winner(events: LifecycleEvent[], aspect: Aspect): LifecycleEvent | null {
  const mine = events.filter((e) => e.aspect === aspect)
  const heads = mine.filter((e) => !mine.some((f) => sees(f, e)))
  let best: LifecycleEvent | null = null
  for (const e of heads) {
    if (!best) best = e
    else if (PREFERRED[aspect](e) !== PREFERRED[aspect](best)) best = PREFERRED[aspect](e) ? e : best
    else if (later(e, best)) best = e
  }
  return best
}

export function foldEvents(events: LifecycleEvent[]): Lifecycle {
  const f = winner(events, 'followup')
  const t = winner(events, 'trash')
  const a = winner(events, 'archive')
  const history = events.flatMap((e) => e.history)
  const order = history.map((h, i) => ({ h, i, t: Date.parse(h.at) }))
  order.sort((x, y) => x.t - y.t || x.i - y.i)
  return {
    followUp: f?.followUp ?? null,
    doneAt: f?.doneAt ?? null,
    trashedAt: t?.trashedAt ?? null,
    archivedAt: a?.archivedAt ?? null,
    history: order.map((x) => x.h),
  }
}

function seenVector(events: LifecycleEvent[]): Record<string, number> {
  const seen: Record<string, number> = {}
  for (const e of events) seen[e.device] = Math.max(seen[e.device] ?? 0, e.n)
  return seen
}

/** The events a note starts with when it is first converted: its state as the library had it. */
export function seedEvents(note: Lifecycle, at: string): LifecycleEvent[] {
  const base = { device: SEED_DEVICE, seen: {}, at }
  return [
    {
      ...base,
      n: 1,
      aspect: 'followup',
      followUp: note.followUp,
      doneAt: note.doneAt,
      history: note.history,
    },
    { ...base, n: 2, aspect: 'trash', trashedAt: note.trashedAt, history: [] },
    { ...base, n: 3, aspect: 'archive', archivedAt: note.archivedAt, history: [] },
  ]
}

/** History entries in `next` that `prev` does not have (appended ones, as the engine appends them). */
function newHistory(prev: Lifecycle['history'], next: Lifecycle['history']): Lifecycle['history'] {
  const rest = [...prev]
  return next.filter((h) => {
    const i = rest.findIndex((p) => deepEqual(p, h))
    if (i < 0) return true
    rest.splice(i, 1)
    return false
  })
}

/**
 * Records this device's change from the folded state `prev` to `next` as events (one per aspect that
 * changed). Returns whether anything was recorded.
 */
export function recordChanges(
  doc: Y.Doc,
  device: string,
  prev: Lifecycle,
  next: Lifecycle,
  at: string,
): boolean {
  const { events } = readEvents(doc)
  const seen = seenVector(events)
  let n = seen[device] ?? 0
  const added: LifecycleEvent[] = []
  const history = newHistory(prev.history, next.history)
  const event = (aspect: Aspect, fields: Partial<LifecycleEvent>, h: LifecycleEvent['history'] = []) =>
    added.push({ device, n: ++n, seen: { ...seen }, at, aspect, history: h, ...fields })
  if (!deepEqual(prev.followUp, next.followUp) || prev.doneAt !== next.doneAt || history.length) {
    event('followup', { followUp: next.followUp, doneAt: next.doneAt }, history)
  }
  if (prev.trashedAt !== next.trashedAt) event('trash', { trashedAt: next.trashedAt })
  if (prev.archivedAt !== next.archivedAt) event('archive', { archivedAt: next.archivedAt })
  if (added.length) eventsOf(doc).push(added)
  return added.length > 0
}
