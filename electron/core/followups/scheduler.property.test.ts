import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Note } from '../../shared/model'
import { DEFAULT_STANDARDS } from '../../shared/followups/standards'
import { parseFollowUpPhrase } from '../../shared/followups/phrase'
import { wallAt } from '../../shared/followups/zone'
import { MemoryDelivered } from './delivered'
import { deliveryKey, logAttempt, markDone, pendingFollowUp, setFollowUp, snooze } from './engine'
import { FollowUpScheduler, MAX_TIMER_MS, type FollowUpNotification } from './scheduler'
import { FakeTime, makeNote } from './test-support'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Seoul']
// Starts near DST changes in both DST zones, plus one far in the future.
const STARTS = [
  '2025-03-08T12:00:00Z',
  '2025-03-29T12:00:00Z',
  '2025-10-25T12:00:00Z',
  '2025-11-01T12:00:00Z',
  '2099-06-01T00:00:00Z',
]

const op = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('add' as const),
      delay: fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 80 * 365 * DAY })),
      standard: fc.constantFrom(null, 'sales-lead', 'weekly-check', '48-hour-reply'),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 2 * DAY }) }),
    weight: 5,
  },
  {
    arbitrary: fc.record({ t: fc.constant('sleep' as const), ms: fc.integer({ min: MIN, max: 10 * DAY }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('jump' as const),
      ms: fc.integer({ min: -DAY, max: 3 * DAY }),
      recheck: fc.boolean(),
    }),
    weight: 1,
  },
  { arbitrary: fc.record({ t: fc.constant('restart' as const) }), weight: 1 },
  {
    arbitrary: fc.record({
      t: fc.constantFrom('done' as const, 'archive' as const, 'trash' as const, 'log' as const),
      pick: fc.nat(),
    }),
    weight: 2,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('snooze' as const),
      pick: fc.nat(),
      phrase: fc.constantFrom('1h', '90m', 'tomorrow 9am', '2d', '내일 오전 9시', 'next monday', '3일 후'),
    }),
    weight: 2,
  },
)

describe('follow-up scheduler with a fake clock (property)', () => {
  it('delivers every due follow-up exactly once, never early, never for finished notes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...STARTS),
        fc.array(op, { minLength: 5, maxLength: 40 }),
        async (timeZone, start, ops) => {
          const time = new FakeTime(new Date(start))
          const notes = new Map<string, Note>()
          const delivered = new MemoryDelivered()
          const seen = new Map<string, number>()
          const standards = DEFAULT_STANDARDS
          const ctx = () => ({ now: time.now(), timeZone, standards })
          const notifier = {
            show(n: FollowUpNotification) {
              for (const item of n.kind === 'single' ? [n.item] : n.items) {
                const note = notes.get(item.noteId)!
                const f = pendingFollowUp(note)
                // Never for done, archived or trashed notes, and only for the follow-up as it stands now.
                expect(f?.dueAt).toBe(item.dueAt)
                // Never before its time: a snooze is honoured to the minute (and to the millisecond here).
                expect(time.now().getTime()).toBeGreaterThanOrEqual(Date.parse(item.dueAt))
                const key = deliveryKey(note.id, f!)
                seen.set(key, (seen.get(key) ?? 0) + 1)
              }
            },
          }
          const make = () =>
            new FollowUpScheduler({
              clock: time,
              timers: time,
              notifier,
              notes: () => notes.values(),
              delivered,
              standards: () => standards,
            })
          let scheduler = make()
          await scheduler.start()
          const settle = async () => {
            await scheduler.check().catch(() => undefined)
          }
          let awakeSince = time.now().getTime()
          const pick = (n: number) => [...notes.values()][n % Math.max(notes.size, 1)]
          const change = async (note: Note | undefined, fn: (n: Note) => Note) => {
            if (!note) return
            try {
              notes.set(note.id, fn(note))
            } catch {
              return // the engine refused (no pending follow-up): nothing changed
            }
            await scheduler.check()
          }
          for (const o of ops) {
            if (o.t === 'add') {
              const note = makeNote(`n${notes.size}`, time.now())
              notes.set(
                note.id,
                setFollowUp(
                  note,
                  { dueAt: new Date(time.now().getTime() + o.delay), standard: o.standard },
                  ctx(),
                ),
              )
              await scheduler.check()
            } else if (o.t === 'advance') {
              const from = time.now().getTime()
              await time.advance(o.ms, settle)
              // Awake and on time: anything due in this window was delivered within a minute of its time.
              for (const n of notes.values()) {
                const f = pendingFollowUp(n)
                if (
                  f &&
                  Date.parse(f.dueAt) >= Math.max(from, awakeSince) &&
                  Date.parse(f.dueAt) <= time.now().getTime()
                ) {
                  expect(seen.get(deliveryKey(n.id, f))).toBe(1)
                }
              }
            } else if (o.t === 'sleep') {
              time.sleep(o.ms)
              await scheduler.check() // powerMonitor 'resume'
              awakeSince = time.now().getTime()
            } else if (o.t === 'jump') {
              time.jump(o.ms)
              if (o.recheck) await scheduler.check() // the clock watcher noticed
              awakeSince = Infinity // timing is not promised until the next full re-check
            } else if (o.t === 'restart') {
              scheduler.stop()
              expect(time.live).toBe(0)
              scheduler = make()
              await scheduler.start()
              awakeSince = time.now().getTime()
            } else if (o.t === 'done') {
              await change(pick(o.pick), (n) => markDone(n, ctx()))
            } else if (o.t === 'archive' || o.t === 'trash') {
              const at = time.now().toISOString()
              await change(pick(o.pick), (n) => ({
                ...n,
                ...(o.t === 'archive' ? { archivedAt: at } : { trashedAt: at }),
              }))
            } else if (o.t === 'log') {
              await change(pick(o.pick), (n) => logAttempt(n, ctx()).note)
            } else if (o.t === 'snooze') {
              const r = parseFollowUpPhrase(o.phrase, { now: time.now(), timeZone })
              expect(r.ok).toBe(true)
              if (!r.ok) continue
              if (/9am|9시|monday/.test(o.phrase)) {
                const w = wallAt(r.dueAt, timeZone)
                expect([w.hour, w.minute]).toEqual([9, 0])
              }
              await change(pick(o.pick), (n) => snooze(n, r.dueAt, ctx()))
            }
            // One timer at most, never longer than the platform allows.
            expect(time.live).toBeLessThanOrEqual(1)
            expect(Math.max(0, ...time.requested)).toBeLessThanOrEqual(MAX_TIMER_MS)
          }
          // Back from everything: a final re-check delivers all that is due, each exactly once.
          await scheduler.check()
          for (const n of notes.values()) {
            const f = pendingFollowUp(n)
            if (f && Date.parse(f.dueAt) <= time.now().getTime())
              expect(seen.get(deliveryKey(n.id, f))).toBe(1)
          }
          for (const count of seen.values()) expect(count).toBe(1)
          scheduler.stop()
        },
      ),
      { numRuns: 1500 },
    )
  }, 120_000)
})
