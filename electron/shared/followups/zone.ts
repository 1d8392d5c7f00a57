/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (this file also runs in the renderer, so no
 * Node APIs and no dependence on the process's own TZ). A "wall" time is what a clock on the user's
 * wall shows; an instant is a Date.
 */

export interface Wall {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second?: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** True when Intl knows the zone; an unknown zone would otherwise throw deep inside a parse. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 }

/** The wall time (and weekday, 0 = Sunday) an instant shows in a zone. */
export function wallAt(instant: Date, timeZone: string): Wall & { second: number; weekday: number } {
  const parts: Record<string, string> = {}
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  }
}

const wallAsUtc = (w: Wall): number => {
  // Date.UTC treats years 0–99 as 1900+; set the year explicitly so far dates stay exact.
  const d = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second ?? 0))
  d.setUTCFullYear(w.year, w.month - 1, w.day)
  return d.getTime()
}

/** The zone's offset from UTC at an instant, in minutes (Seoul: +540). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const ms = Math.floor(instant.getTime() / 1000) * 1000
  return Math.round((wallAsUtc(wallAt(new Date(ms), timeZone)) - ms) / 60_000)
}

/**
 * The instant a wall time names in a zone. A time skipped by a DST jump (02:30 on a spring-forward night)
 * moves forward by the jump, as a clock would; a time that happens twice (autumn) takes the first.
 */
export function wallToInstant(wall: Wall, timeZone: string): Date {
  const asUtc = wallAsUtc(wall)
  // The offset can only be one of the offsets in force a day either side; try them earliest first.
  const candidates = new Set([
    offsetMinutes(new Date(asUtc - 86_400_000), timeZone),
    offsetMinutes(new Date(asUtc), timeZone),
    offsetMinutes(new Date(asUtc + 86_400_000), timeZone),
  ])
  const matches = [...candidates]
    .map((off) => asUtc - off * 60_000)
    .filter((t) => wallAsUtc(wallAt(new Date(t), timeZone)) === asUtc)
    .sort((a, b) => a - b)
  if (matches[0] !== undefined) return new Date(matches[0])
  // In a gap: use the offset from before the jump, which lands after it by the jump's length.
  return new Date(asUtc - offsetMinutes(new Date(asUtc - 86_400_000), timeZone) * 60_000)
}

/** Same wall time n calendar days later (9:00 stays 9:00 across a DST change). */
export function addDays(instant: Date, days: number, timeZone: string): Date {
  const w = wallAt(instant, timeZone)
  return wallToInstant({ ...w, day: w.day + days }, timeZone)
}

/** Midnight at the start of the instant's day in the zone. */
export function startOfDay(instant: Date, timeZone: string): Date {
  const w = wallAt(instant, timeZone)
  return wallToInstant({ ...w, hour: 0, minute: 0, second: 0 }, timeZone)
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/** ISO 8601 with the zone's offset, e.g. 2025-03-07T09:00:00+09:00 (what `show --json` prints). */
export function toZonedIso(instant: Date, timeZone: string): string {
  const w = wallAt(instant, timeZone)
  const off = offsetMinutes(instant, timeZone)
  const sign = off < 0 ? '-' : '+'
  const year = w.year >= 0 && w.year <= 9999 ? pad(w.year, 4) : `${w.year < 0 ? '-' : '+'}${pad(w.year, 6)}`
  return (
    `${year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`
  )
}

/** The zone the host runs in, or UTC where Intl cannot tell. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}
