import { openSettings, type Settings } from '../settings'
import type { CorruptFile, Library } from '../types'
import { createFollowUpActions, type FollowUpActions } from './actions'
import { CalendarFeed } from './calendar-feed'
import { openDelivered } from './delivered'
import { FollowUpScheduler, type Clock, type DueItem, type Notifier, type Timers } from './scheduler'

export interface FollowUpServiceOptions {
  clock: Clock
  notifier: Notifier
  timers?: Timers
  timeZone?: () => string
  /** Told after each delivery, e.g. to send 'followup.due' to the renderer. */
  onDue?: (items: DueItem[]) => void
  /** The host's folder dialog for the calendar feed (Electron); absent in the preview and tests. */
  chooseCalendarFolder?: () => Promise<string | undefined>
  /** How long the calendar feed waits for changes to settle before rewriting its file. */
  calendarDebounceMs?: number
}

export interface FollowUpService {
  actions: FollowUpActions
  settings: Settings
  scheduler: FollowUpScheduler
  calendar: CalendarFeed
  corrupt: CorruptFile[]
  /** First check: delivers what came due while the app was closed (several as one summary). */
  start(): Promise<void>
  /** Re-check now: after resume from sleep, a system clock change, or a test moving the clock. */
  recheck(): Promise<void>
  stop(): void
}

/** Everything follow-ups need over one open library: settings, the delivery record and the one timer. */
export async function openFollowUps(
  library: Library,
  options: FollowUpServiceOptions,
): Promise<FollowUpService> {
  const settings = await openSettings(library.dataDir, false)
  const delivered = await openDelivered(library.dataDir, false)
  const now = () => options.clock.now()
  const actions = createFollowUpActions({ library, settings, now, timeZone: options.timeZone })
  const scheduler = new FollowUpScheduler({
    clock: options.clock,
    timers: options.timers,
    notifier: options.notifier,
    notes: () => library.listNotes(),
    delivered,
    standards: () => settings.standards(),
    onDelivered: options.onDue,
  })
  const calendar = new CalendarFeed({
    library,
    settings,
    now,
    timers: options.timers,
    debounceMs: options.calendarDebounceMs,
    chooseFolder: options.chooseCalendarFolder,
  })
  let unsubscribe: (() => void) | null = null
  return {
    actions,
    settings,
    scheduler,
    calendar,
    corrupt: [settings.corrupt, delivered.corrupt].filter((c) => c !== null),
    async start() {
      // Any saved note may have moved its follow-up; a check is a scan of the in-memory summaries.
      unsubscribe ??= library.onChange(() => void scheduler.check())
      await scheduler.start()
      calendar.start()
    },
    recheck: () => scheduler.check(),
    stop() {
      unsubscribe?.()
      unsubscribe = null
      scheduler.stop()
      calendar.stop()
    },
  }
}
