import * as chrono from 'chrono-node'
import { readKorean } from './phrase-ko'
import { addDays, isValidTimeZone, offsetMinutes, wallToInstant, type Wall } from './zone'

/**
 * The one follow-up phrase parser: the note view, quick capture, the CLI and core all call this, so
 * "tomorrow 9am" means the same instant everywhere. Times are wall times in the user's zone.
 */

export interface PhraseOptions {
  now: Date
  /** IANA zone, e.g. "Asia/Seoul". */
  timeZone: string
  /** Hour used when a phrase names a day but no time ("tomorrow", "내일"). */
  defaultHour?: number
}

export type PhraseError = 'empty' | 'unreadable' | 'past' | 'bad-zone'
export type PhraseResult = { ok: true; dueAt: Date } | { ok: false; reason: PhraseError; message: string }

const DEFAULT_HOUR = 9
const HANGUL = /[\uac00-\ud7a3\u3131-\u318e]/
/** "48h", "2d", "1w", "90m", "1d 4h", "1h30m" */
const SHORT = /^(?:\d+\s*(?:w|wk|wks|d|h|hr|hrs|m|min|mins)\s*)+$/i
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440, w: 10080 }

const fail = (reason: PhraseError, message: string): PhraseResult => ({ ok: false, reason, message })

export function parseFollowUpPhrase(phrase: string, options: PhraseOptions): PhraseResult {
  const { now, timeZone } = options
  const text = phrase.trim().replace(/\s+/g, ' ')
  if (!text) return fail('empty', 'Type when to follow up, e.g. "tomorrow 9am" or "내일 오후 3시".')
  if (!isValidTimeZone(timeZone))
    return fail('bad-zone', `"${timeZone}" is not a time zone this system knows.`)
  const reading = SHORT.test(text)
    ? readShort(text, now, timeZone)
    : HANGUL.test(text)
      ? readKorean(text, now, timeZone)
      : readEnglish(text, now, timeZone)
  if (!reading) {
    return fail(
      'unreadable',
      `Could not read "${text}" as a time. Try "in 2 days", "tomorrow 9am", "3일 후" or "48h".`,
    )
  }
  let dueAt = reading.instant ?? toInstant(reading, options)
  // A phrase that names no day ("3pm") or no week ("friday") means the next one, never one just gone.
  if (dueAt < now && reading.timeOnly) dueAt = addDays(dueAt, 1, timeZone)
  if (dueAt < now && reading.weekdayOnly) dueAt = addDays(dueAt, 7, timeZone)
  if (dueAt < now && reading.yearless && reading.wall) {
    dueAt = toInstant({ ...reading, wall: { ...reading.wall, year: reading.wall.year + 1 } }, options)
  }
  // A minute's grace: "now" typed a few seconds ago is not an error.
  if (dueAt.getTime() < now.getTime() - 60_000) {
    return fail('past', `"${text}" is in the past; a follow-up needs a time still to come.`)
  }
  return { ok: true, dueAt }
}

interface Reading {
  instant?: Date
  wall?: Wall
  dateOnly: boolean
  timeOnly: boolean
  weekdayOnly: boolean
  yearless: boolean
}

function toInstant(reading: Reading, options: PhraseOptions): Date {
  const wall = reading.wall!
  const hour = reading.dateOnly ? (options.defaultHour ?? DEFAULT_HOUR) : wall.hour
  return wallToInstant(
    { ...wall, hour, minute: reading.dateOnly ? 0 : wall.minute, second: 0 },
    options.timeZone,
  )
}

function readShort(text: string, now: Date, timeZone: string): Reading {
  let minutes = 0
  let days = 0
  for (const [, n, unit] of text.toLowerCase().matchAll(/(\d+)\s*([a-z]+)/g)) {
    const per = UNIT_MINUTES[unit![0]!]!
    // Days and weeks keep the wall time across a DST change; hours and minutes are elapsed time.
    if (per >= 1440) days += (Number(n) * per) / 1440
    else minutes += Number(n) * per
  }
  const base = days ? addDays(now, days, timeZone) : now
  return { instant: new Date(base.getTime() + minutes * 60_000), ...NOT_WALL }
}
const NOT_WALL = { dateOnly: false, timeOnly: false, weekdayOnly: false, yearless: false }

function readEnglish(text: string, now: Date, timeZone: string): Reading | null {
  const results = chrono.en.parse(
    text,
    { instant: now, timezone: offsetMinutes(now, timeZone) },
    { forwardDate: true },
  )
  const r = results[0]
  const stripped = text.replace(/^(?:by|on|at|before)\s+/i, '').replace(/[.!?,]+$/, '')
  if (results.length !== 1 || !r || r.text.toLowerCase() !== stripped.toLowerCase() || r.end) return null
  const tags = r.tags()
  const c = r.start
  // "in 3 hours" is elapsed time: chrono's instant is exact.
  if (tags.has('result/relativeDateAndTime')) return { instant: r.date(), ...NOT_WALL }
  const relative = tags.has('result/relativeDate')
  const hasTime =
    c.isCertain('hour') ||
    [...tags].some((t) => /^casualReference\/(morning|afternoon|evening|night|noon|midnight)$/.test(t))
  const morning = tags.has('casualReference/morning') && !c.isCertain('hour')
  const wall: Wall = {
    year: c.get('year')!,
    month: c.get('month')!,
    day: c.get('day')!,
    // chrono's "morning" is 6:00; nobody chases a client at six, so morning means 9:00.
    hour: morning ? 9 : c.get('hour')!,
    minute: morning ? 0 : c.get('minute')!,
  }
  const dayNamed = c.isCertain('day') || c.isCertain('weekday') || relative
  return {
    wall,
    // "in 2 days" keeps the current time of day; a named day without a time uses the default hour.
    dateOnly: !hasTime && !relative,
    timeOnly: !dayNamed,
    weekdayOnly: c.isCertain('weekday') && !c.isCertain('day'),
    yearless: c.isCertain('month') && !c.isCertain('year'),
  }
}

/**
 * Finds a follow-up phrase at the end of a capture line: "Call Kim about the quote fri 10am" →
 * { title: "Call Kim about the quote", dueAt: Friday 10:00 }. The longest trailing run of words that reads
 * completely wins; at least one word is left as the title. Returns null when the line ends in no time.
 */
export function findFollowUpPhrase(
  line: string,
  options: PhraseOptions,
): { title: string; phrase: string; dueAt: Date } | null {
  const words = line.trim().split(/\s+/)
  const longest = Math.min(words.length - 1, 8)
  for (let n = longest; n >= 1; n--) {
    const phrase = words.slice(words.length - n).join(' ')
    // A lone word that is also ordinary English ("may", "sun", "second") is not taken as a date.
    if (n === 1 && !/\d|[가-힣]/.test(phrase) && !LONE_WORDS.has(phrase.toLowerCase())) continue
    const result = parseFollowUpPhrase(phrase, options)
    if (result.ok) return { title: words.slice(0, words.length - n).join(' '), phrase, dueAt: result.dueAt }
    // "yesterday 9am" names a time already gone; its tail "9am" must not quietly become tomorrow.
    if (result.reason === 'past') return null
  }
  return null
}
const LONE_WORDS = new Set([
  'today',
  'tonight',
  'tomorrow',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'noon',
])
