/**
 * Notices when the wall clock jumps (the user or NTP changed the time, or the machine slept and the OS
 * sent no resume event) by comparing wall time against a monotonic clock on a slow heartbeat. No OS
 * exposes "clock changed" through Electron, so this is how the scheduler hears about it.
 */
export interface ClockWatchOptions {
  wallNow?: () => number
  monoNow?: () => number
  every?: number
  /** A drift larger than this counts as a jump. */
  tolerance?: number
  setInterval?: (fn: () => void, ms: number) => unknown
  clearInterval?: (handle: unknown) => void
  onJump: (driftMs: number) => void
}

export function watchClock(o: ClockWatchOptions): () => void {
  const wall = o.wallNow ?? (() => Date.now())
  const mono = o.monoNow ?? (() => performance.now())
  const tolerance = o.tolerance ?? 5_000
  let lastWall = wall()
  let lastMono = mono()
  const tick = () => {
    const w = wall()
    const m = mono()
    const drift = w - lastWall - (m - lastMono)
    lastWall = w
    lastMono = m
    if (Math.abs(drift) > tolerance) o.onJump(drift)
  }
  const set =
    o.setInterval ??
    ((fn: () => void, ms: number) => {
      const h = setInterval(fn, ms)
      h.unref?.()
      return h
    })
  const handle = set(tick, o.every ?? 30_000)
  return () => (o.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>)))(handle)
}
