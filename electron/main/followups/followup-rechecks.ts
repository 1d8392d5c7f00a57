import { watchClock, type ClockWatchOptions } from '../../core/index'

/** The slice of Electron's powerMonitor used here. */
export interface PowerMonitorLike {
  on(event: 'resume' | 'unlock-screen', listener: () => void): unknown
  removeListener(event: 'resume' | 'unlock-screen', listener: () => void): unknown
}

const EVENTS = ['resume', 'unlock-screen'] as const

/**
 * Re-checks follow-ups whenever time may have passed unseen: resume from sleep, unlocking the screen,
 * and wall-clock jumps. A timer armed before sleep fires late (or never); the re-check delivers what
 * came due meanwhile, once, and re-arms the single timer.
 */
export function attachRechecks(
  powerMonitor: PowerMonitorLike,
  recheck: () => void,
  clockWatch: Omit<ClockWatchOptions, 'onJump'> = {},
): () => void {
  for (const e of EVENTS) powerMonitor.on(e, recheck)
  const stopWatch = watchClock({ ...clockWatch, onJump: () => recheck() })
  return () => {
    for (const e of EVENTS) powerMonitor.removeListener(e, recheck)
    stopWatch()
  }
}
