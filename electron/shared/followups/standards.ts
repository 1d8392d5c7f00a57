import { z } from 'zod'
import { addDays } from './zone'

/**
 * A follow-up standard (cadence): when each attempt is due, counted from the first contact, e.g. Sales
 * lead = +2, +5, +10, +20, +30 days. After attempt k is logged, attempt k+1 is due offsets[k] − offsets[k−1]
 * units later. A repeating standard reuses its last gap forever (Weekly check).
 */
export const StandardId = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'must be 1–64 lowercase letters, digits or "-"')
export const Standard = z.object({
  id: StandardId,
  name: z.string().trim().min(1).max(100),
  unit: z.enum(['hours', 'days', 'weeks']),
  offsets: z
    .array(z.number().int().positive().max(100_000))
    .min(1)
    .max(50)
    .refine(
      (o) => o.every((v, i) => i === 0 || v > o[i - 1]!),
      'offsets must grow from one attempt to the next',
    ),
  repeat: z.boolean(),
})
export type Standard = z.infer<typeof Standard>

export const DEFAULT_STANDARDS: Standard[] = [
  { id: '48-hour-reply', name: '48-hour reply', unit: 'hours', offsets: [48], repeat: false },
  { id: 'sales-lead', name: 'Sales lead', unit: 'days', offsets: [2, 5, 10, 20, 30], repeat: false },
  { id: 'weekly-check', name: 'Weekly check', unit: 'weeks', offsets: [1], repeat: true },
]

/** How many attempts the standard has; null when it repeats without end. */
export const attemptsOf = (s: Standard): number | null => (s.repeat ? null : s.offsets.length)

/** Adds n of the standard's unit: hours are elapsed time, days and weeks keep the wall-clock time. */
export function addUnits(from: Date, n: number, unit: Standard['unit'], timeZone: string): Date {
  if (unit === 'hours') return new Date(from.getTime() + n * 3_600_000)
  return addDays(from, unit === 'weeks' ? n * 7 : n, timeZone)
}

/** When attempt 1 is due if the user picks a standard without typing a time. */
export const firstDue = (s: Standard, from: Date, timeZone: string): Date =>
  addUnits(from, s.offsets[0]!, s.unit, timeZone)

/**
 * When attempt `loggedAttempt + 1` is due once `loggedAttempt` was done at `at`; null when the cadence
 * has no further attempt and the user must decide what happens next.
 */
export function nextDue(s: Standard, loggedAttempt: number, at: Date, timeZone: string): Date | null {
  const o = s.offsets
  if (loggedAttempt < o.length)
    return addUnits(at, o[loggedAttempt]! - o[loggedAttempt - 1]!, s.unit, timeZone)
  if (!s.repeat) return null
  const gap = o.length > 1 ? o[o.length - 1]! - o[o.length - 2]! : o[0]!
  return addUnits(at, gap, s.unit, timeZone)
}
