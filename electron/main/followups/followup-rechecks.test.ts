import { EventEmitter } from 'node:events'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RecordingNotifier } from '../../core/index'
import { MemoryDelivered } from '../../core/followups/delivered'
import { setFollowUp } from '../../core/followups/engine'
import { FollowUpScheduler } from '../../core/followups/scheduler'
import { makeNote } from '../../core/followups/test-support'
import { attachRechecks } from './followup-rechecks'

const start = new Date('2025-03-06T05:00:00Z')

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(start)
})
afterEach(() => vi.useRealTimers())

function setup() {
  const note = setFollowUp(
    makeNote('n1', start),
    { dueAt: new Date(start.getTime() + 3_600_000) },
    {
      now: start,
      timeZone: 'UTC',
      standards: [],
    },
  )
  const notifier = new RecordingNotifier()
  // Real setTimeout (faked by vitest) and the real Date: the adapter's production defaults.
  const scheduler = new FollowUpScheduler({
    clock: { now: () => new Date() },
    notifier,
    notes: () => [note],
    delivered: new MemoryDelivered(),
    standards: () => [],
  })
  const power = new EventEmitter()
  const recheck = vi.fn(() => void scheduler.check())
  const detach = attachRechecks(power, recheck, { monoNow: () => performance.now() })
  return { scheduler, notifier, power, recheck, detach }
}

describe('attachRechecks (main scheduler adapter)', () => {
  it('fires the one timer on time while awake', async () => {
    const { scheduler, notifier, detach } = setup()
    await scheduler.start()
    await vi.advanceTimersByTimeAsync(3_600_000 - 1)
    expect(notifier.shown).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(notifier.shown).toHaveLength(1)
    detach()
    scheduler.stop()
  })

  it("re-checks on powerMonitor 'resume' and delivers what came due during sleep, once", async () => {
    const { scheduler, notifier, power, recheck, detach } = setup()
    await scheduler.start()
    // Asleep: the wall clock moves two hours, but no timer ran.
    vi.setSystemTime(start.getTime() + 2 * 3_600_000)
    expect(notifier.shown).toHaveLength(0)
    power.emit('resume')
    await vi.waitFor(() => expect(notifier.shown).toHaveLength(1))
    expect(recheck).toHaveBeenCalledTimes(1)
    power.emit('unlock-screen')
    await vi.advanceTimersByTimeAsync(0)
    expect(notifier.shown).toHaveLength(1)
    detach()
    power.emit('resume')
    expect(recheck).toHaveBeenCalledTimes(2)
    scheduler.stop()
  })

  it('re-checks when the wall clock jumps against the monotonic clock', async () => {
    let mono = 0
    const recheck = vi.fn()
    const power = new EventEmitter()
    const detach = attachRechecks(power, recheck, {
      monoNow: () => mono,
      wallNow: () => Date.now(),
      every: 1000,
    })
    mono += 1000
    await vi.advanceTimersByTimeAsync(1000) // wall and monotonic agree: no jump
    expect(recheck).not.toHaveBeenCalled()
    vi.setSystemTime(Date.now() + 3 * 3_600_000) // the user set the clock three hours ahead
    mono += 1000
    await vi.advanceTimersByTimeAsync(1000)
    expect(recheck).toHaveBeenCalledTimes(1)
    detach()
  })
})
