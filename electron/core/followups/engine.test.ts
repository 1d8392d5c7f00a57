import { describe, expect, it } from 'vitest'
import { DEFAULT_STANDARDS } from '../../shared/followups/standards'
import { wallAt } from '../../shared/followups/zone'
import {
  clearFollowUp,
  logAttempt,
  markDone,
  nextWakeUp,
  reopen,
  setFollowUp,
  snooze,
  undelivered,
} from './engine'
import { buildView } from './view'
import { makeNote } from './test-support'

const timeZone = 'Asia/Seoul'
const t0 = new Date('2025-03-06T05:00:00Z') // Thu 14:00 Seoul
const at = (ms: number) => ({ now: new Date(t0.getTime() + ms), timeZone, standards: DEFAULT_STANDARDS })
const DAY = 86_400_000

describe('engine: set / log along a cadence', () => {
  it('walks Sales lead +2, +5, +10, +20, +30 days and then asks the user', () => {
    let note = setFollowUp(
      makeNote('a', t0),
      { dueAt: null, standard: 'sales-lead', waitingOn: 'Kim' },
      at(0),
    )
    expect(note.followUp).toMatchObject({ attempt: 1, waitingOn: 'Kim', dueAt: '2025-03-08T14:00:00+09:00' })
    const dues: string[] = [note.followUp!.dueAt]
    for (let i = 1; i < 5; i++) {
      // The user follows up exactly when due each time.
      const r = logAttempt(note, at(Date.parse(note.followUp!.dueAt) - t0.getTime()))
      expect(r.outcome).toMatchObject({ kind: 'next', attempt: i + 1, attempts: 5 })
      note = r.note
      dues.push(note.followUp!.dueAt)
    }
    expect(dues.map((d) => d.slice(0, 10))).toEqual([
      '2025-03-08',
      '2025-03-11',
      '2025-03-16',
      '2025-03-26',
      '2025-04-05',
    ])
    const last = logAttempt(note, at(31 * DAY))
    expect(last.outcome).toEqual({ kind: 'finished', attempt: 5, attempts: 5 })
    expect(last.note.followUp).toBeNull()
    expect(last.note.history.filter((h) => h.kind === 'attempt').map((h) => h.detail)).toEqual([
      'attempt 1 of 5',
      'attempt 2 of 5',
      'attempt 3 of 5',
      'attempt 4 of 5',
      'attempt 5 of 5',
    ])
  })

  it('repeats Weekly check without end, keeping the wall time across DST', () => {
    const ny = {
      now: new Date('2025-03-04T14:00:00Z'),
      timeZone: 'America/New_York',
      standards: DEFAULT_STANDARDS,
    }
    let note = setFollowUp(makeNote('w', ny.now), { dueAt: null, standard: 'weekly-check' }, ny)
    for (let i = 0; i < 10; i++) note = logAttempt(note, { ...ny, now: new Date(note.followUp!.dueAt) }).note
    expect(note.followUp!.attempt).toBe(11)
    expect(wallAt(new Date(note.followUp!.dueAt), 'America/New_York').hour).toBe(9)
  })

  it('finishes at once without a standard, and refuses a log with nothing pending', () => {
    const note = setFollowUp(makeNote('b', t0), { dueAt: new Date(t0.getTime() + DAY) }, at(0))
    const r = logAttempt(note, at(DAY))
    expect(r.outcome.kind).toBe('finished')
    expect(() => logAttempt(r.note, at(DAY))).toThrow(/no pending follow-up/)
  })

  it('refuses an unknown standard, a set without a time, and trashed or archived notes', () => {
    const n = makeNote('c', t0)
    expect(() => setFollowUp(n, { dueAt: null, standard: 'nope' }, at(0))).toThrow(
      /no follow-up standard "nope"/,
    )
    expect(() => setFollowUp(n, { dueAt: null }, at(0))).toThrow(/Say when/)
    expect(() => setFollowUp({ ...n, trashedAt: t0.toISOString() }, { dueAt: t0 }, at(0))).toThrow(/trash/)
    expect(() => setFollowUp({ ...n, archivedAt: t0.toISOString() }, { dueAt: t0 }, at(0))).toThrow(
      /archived/,
    )
  })
})

describe('engine: done, reopen, clear, snooze', () => {
  const set = setFollowUp(makeNote('d', t0), { dueAt: new Date(t0.getTime() + 60_000) }, at(0))

  it('done removes the pending follow-up and is idempotent; setting again reopens', () => {
    const done = markDone(set, at(1000))
    expect(done.followUp).toBeNull()
    expect(done.doneAt).toBe('2025-03-06T14:00:01+09:00')
    expect(markDone(done, at(2000))).toBe(done)
    const again = setFollowUp(done, { dueAt: new Date(t0.getTime() + DAY) }, at(3000))
    expect(again.doneAt).toBeNull()
    expect(again.history.map((h) => h.kind)).toEqual(['followup-set', 'done', 'reopened', 'followup-set'])
    expect(reopen(markDone(again, at(4000)), at(5000)).doneAt).toBeNull()
  })

  it('snooze moves the due time to the minute and refuses the past', () => {
    const s = snooze(set, new Date(t0.getTime() + 3_600_000), at(0))
    expect(s.followUp!.dueAt).toBe('2025-03-06T15:00:00+09:00')
    expect(() => snooze(set, new Date(t0.getTime() - 1), at(0))).toThrow(/still to come/)
    expect(() => snooze(markDone(set, at(0)), new Date(t0.getTime() + DAY), at(0))).toThrow(/no pending/)
  })

  it('clear drops the follow-up and records it', () => {
    const c = clearFollowUp(set, at(0))
    expect(c.followUp).toBeNull()
    expect(c.history.at(-1)?.kind).toBe('followup-cleared')
  })

  it('never reports done, archived or trashed notes as due or as the next wake-up', () => {
    const late = new Date(t0.getTime() + DAY)
    const stamp = t0.toISOString()
    const notes = [
      { ...set, id: 'x1', doneAt: stamp },
      { ...set, id: 'x2', archivedAt: stamp },
      { ...set, id: 'x3', trashedAt: stamp },
    ]
    expect(undelivered(notes, late, new Set())).toEqual([])
    expect(nextWakeUp(notes, t0)).toBeNull()
  })
})

describe('view', () => {
  it('groups Overdue / Today / Upcoming / Waiting on / Recently done in the user zone', () => {
    const mk = (id: string, ms: number, waitingOn?: string) =>
      setFollowUp(makeNote(id, t0), { dueAt: new Date(t0.getTime() + ms), waitingOn }, at(0))
    const notes = [
      mk('over', -3_600_000, 'Kim'),
      mk('today', 8 * 3_600_000, 'kim'), // 22:00 Seoul: still today
      mk('tomorrow', 11 * 3_600_000, 'Lee'), // 01:00 Seoul next day
      markDone(mk('done', DAY), at(0)),
    ]
    const v = buildView(notes, t0, timeZone, DEFAULT_STANDARDS)
    expect([v.overdue, v.today, v.upcoming].map((g) => g.map((i) => i.id))).toEqual([
      ['over'],
      ['today'],
      ['tomorrow'],
    ])
    expect(v.waitingOn.map((g) => [g.person, g.items.length])).toEqual([
      ['Kim', 2],
      ['Lee', 1],
    ])
    expect(v.recentlyDone.map((d) => d.id)).toEqual(['done'])
    expect(v.counts).toEqual({ overdue: 1, today: 1, upcoming: 1, waitingOn: 3, recentlyDone: 1 })
  })
})
