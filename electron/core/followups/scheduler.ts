import { attemptsOf, type Standard } from '../../shared/followups/standards'
import type { DeliveredStore } from './delivered'
import { nextWakeUp, pruneDelivered, undelivered, type Due, type Followable } from './engine'

/** Timers longer than this fire at once in Node and Chromium; a far wake-up is reached in hops. */
export const MAX_TIMER_MS = 2 ** 31 - 1

export interface Clock {
  now(): Date
}
export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}
export const realTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms)
    // The scheduler must never be what keeps a CLI or test process alive.
    t.unref?.()
    return t
  },
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export interface DueItem {
  noteId: string
  title: string
  dueAt: string
  waitingOn: string | null
  attempt: number
  /** Null when the follow-up has no standard or its standard repeats without end. */
  attempts: number | null
}
export type FollowUpNotification = { kind: 'single'; item: DueItem } | { kind: 'summary'; items: DueItem[] }

/** How a due follow-up reaches the user: Electron's Notification in the app, a recorder elsewhere. */
export interface Notifier {
  show(notification: FollowUpNotification): void
}

export class RecordingNotifier implements Notifier {
  readonly shown: FollowUpNotification[] = []
  show(notification: FollowUpNotification): void {
    this.shown.push(notification)
  }
}

export interface SchedulerOptions {
  clock: Clock
  timers?: Timers
  notifier: Notifier
  notes: () => Iterable<Followable>
  delivered: DeliveredStore
  standards: () => Standard[]
  /** Told after each notification, e.g. to send 'followup.due' to the renderer. */
  onDelivered?: (items: DueItem[]) => void
}

/**
 * Owns exactly one timer: the next wake-up. Each check delivers what is due and not yet delivered (one
 * summary when several are), then re-arms. Callers re-check on start, resume from sleep, clock changes
 * and library changes; a check is cheap and idempotent.
 */
export class FollowUpScheduler {
  private timer: unknown = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false
  /** When the armed timer is meant to fire; exposed for tests and diagnostics. */
  wakeUpAt: Date | null = null

  constructor(private readonly o: SchedulerOptions) {}

  async start(): Promise<void> {
    this.stopped = false
    await this.o.delivered.replace(
      pruneDelivered(this.o.delivered.keys(), this.o.notes(), this.o.clock.now()),
    )
    await this.check()
  }

  /** Runs a check now; calls during a check make it run once more afterwards instead of overlapping. */
  check(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      try {
        do {
          this.again = false
          await this.checkOnce()
        } while (this.again && !this.stopped)
      } finally {
        this.running = null
      }
    })()
    return this.running
  }

  private async checkOnce(): Promise<void> {
    if (this.stopped) return
    const now = this.o.clock.now()
    const due = undelivered(this.o.notes(), now, this.o.delivered.keys())
    if (due.length) {
      await this.o.delivered.add(due.map((d) => d.key))
      const items = due.map((d) => this.item(d))
      this.o.notifier.show(
        items.length === 1 ? { kind: 'single', item: items[0]! } : { kind: 'summary', items },
      )
      this.o.onDelivered?.(items)
    }
    this.arm(now)
  }

  private arm(now: Date): void {
    if (this.timer !== null) (this.o.timers ?? realTimers).clear(this.timer)
    this.timer = null
    this.wakeUpAt = null
    if (this.stopped) return
    const next = nextWakeUp(this.o.notes(), now)
    if (!next) return
    const delay = Math.min(Math.max(next.getTime() - now.getTime(), 0), MAX_TIMER_MS)
    this.wakeUpAt = new Date(now.getTime() + delay)
    this.timer = (this.o.timers ?? realTimers).set(() => {
      this.timer = null
      void this.check()
    }, delay)
  }

  private item(d: Due): DueItem {
    const standard = d.followUp.standard
      ? this.o.standards().find((s) => s.id === d.followUp.standard)
      : undefined
    return {
      noteId: d.id,
      title: d.title,
      dueAt: d.followUp.dueAt,
      waitingOn: d.followUp.waitingOn,
      attempt: d.followUp.attempt,
      attempts: standard ? attemptsOf(standard) : null,
    }
  }

  stop(): void {
    this.stopped = true
    this.arm(this.o.clock.now())
  }
}
