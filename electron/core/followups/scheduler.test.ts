import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../test-support/temp-dir'
import { openLibrary } from '../library'
import { DEFAULT_STANDARDS } from '../../shared/followups/standards'
import { openDelivered } from './delivered'
import { FollowUpScheduler, MAX_TIMER_MS, RecordingNotifier } from './scheduler'
import { openFollowUps } from './service'
import { setFollowUp } from './engine'
import { FakeTime, makeNote } from './test-support'

const start = new Date('2025-03-06T05:00:00Z')
const tempDir = useTempDirs()

describe('FollowUpScheduler', () => {
  it('delivers several missed follow-ups as one summary, then nothing again after a restart', async () => {
    const dir = tempDir()
    const time = new FakeTime(start)
    const notes = ['a', 'b', 'c'].map((id, i) =>
      setFollowUp(
        makeNote(id, start),
        { dueAt: new Date(start.getTime() - (i + 1) * 60_000) },
        {
          now: new Date(start.getTime() - 10 * 60_000),
          timeZone: 'UTC',
          standards: DEFAULT_STANDARDS,
        },
      ),
    )
    const run = async () => {
      const notifier = new RecordingNotifier()
      const s = new FollowUpScheduler({
        clock: time,
        timers: time,
        notifier,
        notes: () => notes,
        delivered: await openDelivered(dir, false),
        standards: () => DEFAULT_STANDARDS,
      })
      await s.start()
      s.stop()
      return notifier.shown
    }
    const first = await run()
    expect(first).toHaveLength(1)
    expect(first[0]).toMatchObject({
      kind: 'summary',
      items: [{ noteId: 'c' }, { noteId: 'b' }, { noteId: 'a' }],
    })
    // The delivery record is on disk: a second start (a restart) shows nothing.
    expect(await run()).toEqual([])
  })

  it('reaches a far-future follow-up in hops no longer than 2^31−1 ms, with one timer', async () => {
    const time = new FakeTime(start)
    const far = new Date('2031-01-01T00:00:00Z')
    const note = setFollowUp(
      makeNote('far', start),
      { dueAt: far },
      { now: start, timeZone: 'UTC', standards: [] },
    )
    const notifier = new RecordingNotifier()
    const { MemoryDelivered } = await import('./delivered')
    const s = new FollowUpScheduler({
      clock: time,
      timers: time,
      notifier,
      notes: () => [note],
      delivered: new MemoryDelivered(),
      standards: () => [],
    })
    await s.start()
    expect(s.wakeUpAt!.getTime() - start.getTime()).toBe(MAX_TIMER_MS)
    await time.advance(far.getTime() - start.getTime(), () => s.check())
    expect(notifier.shown).toEqual([
      { kind: 'single', item: expect.objectContaining({ noteId: 'far', attempts: null }) },
    ])
    expect(time.live).toBe(0)
    expect(Math.max(...time.requested)).toBe(MAX_TIMER_MS)
  })

  it('re-checks when a saved note changes its follow-up (service over a real library)', async () => {
    const dir = tempDir()
    const time = new FakeTime(start)
    const library = await openLibrary(dir, { now: time.now })
    const notifier = new RecordingNotifier()
    const fu = await openFollowUps(library, {
      clock: time,
      timers: time,
      notifier,
      timeZone: () => 'Asia/Seoul',
    })
    await fu.start()
    const note = await library.createNote({ title: 'Quote for Kim' })
    await fu.actions.set({ id: note.id, phrase: '30분 후', waitingOn: 'Kim', standard: 'sales-lead' })
    await fu.scheduler.check()
    expect(fu.scheduler.wakeUpAt?.toISOString()).toBe('2025-03-06T05:30:00.000Z')
    await time.advance(30 * 60_000, () => fu.recheck())
    expect(notifier.shown).toEqual([
      {
        kind: 'single',
        item: expect.objectContaining({ title: 'Quote for Kim', waitingOn: 'Kim', attempt: 1, attempts: 5 }),
      },
    ])
    await expect(fu.actions.set({ id: note.id, phrase: 'someday soonish' })).rejects.toThrow(/Could not read/)
    expect((await library.getNote(note.id)).followUp?.dueAt).toBe('2025-03-06T14:30:00+09:00')
    fu.stop()
    await library.close()
  })
})
