import { attemptsOf, type Standard } from '../../shared/followups/standards'
import { dueTime, pendingFollowUp, type Followable } from './engine'

/**
 * An RFC 5545 calendar of open follow-ups, so phone and watch calendars subscribed to a synced folder
 * alert too. One VEVENT per pending follow-up; its UID is the note's, so a moved follow-up updates the
 * same event instead of adding another.
 */

const CRLF = '\r\n'
/** RFC 5545 §3.1: lines are at most 75 octets, excluding the CRLF. */
const MAX_OCTETS = 75
const encoder = new TextEncoder()

/** TEXT escaping (§3.3.11): backslash first, then ; , and every kind of line break as \n. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT at all (§3.3.11); a title can hold them.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  )
}

/**
 * Folds a content line at 75 octets (§3.1): the continuation starts with one space, which counts toward
 * its 75. Splits only between code points, so a Korean syllable or an emoji is never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const char of line) {
    const octets = encoder.encode(char).length
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1
    if (size + octets > limit) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += char
    size += octets
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/** DATE-TIME in UTC form (§3.3.5): 20300604T150000Z. */
export function utcStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '')
}

export interface IcsOptions {
  now: Date
  standards: Standard[]
  /** Calendar name shown by subscribing apps. */
  name?: string
}

/** How long the event lasts in the calendar; a follow-up is a moment, but zero-length events hide in some apps. */
const EVENT_MINUTES = 15

function describe(f: NonNullable<Followable['followUp']>, standard: Standard | undefined): string {
  const attempts = standard ? attemptsOf(standard) : null
  const attempt = attempts
    ? `Attempt ${f.attempt} of ${attempts}`
    : f.attempt > 1 || standard
      ? `Attempt ${f.attempt}`
      : ''
  return [
    f.waitingOn && `Waiting on ${f.waitingOn}`,
    f.owner && `Owner: ${f.owner}`,
    attempt && (standard ? `${attempt} (${standard.name})` : attempt),
  ]
    .filter(Boolean)
    .join('\n')
}

function event(n: Followable, options: IcsOptions): string[] | null {
  const f = pendingFollowUp(n)
  if (!f) return null
  const start = new Date(dueTime(f))
  const standard = f.standard ? options.standards.find((s) => s.id === f.standard) : undefined
  const summary = escapeText(n.title.trim() || 'Untitled note')
  const description = describe(f, standard)
  return [
    'BEGIN:VEVENT',
    `UID:${n.id}@tickler`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART:${utcStamp(start)}`,
    `DURATION:PT${EVENT_MINUTES}M`,
    `SUMMARY:${summary}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    // The alarm fires at the follow-up's own time, like the desktop notification.
    'TRIGGER;RELATED=START:PT0S',
    `DESCRIPTION:${summary}`,
    'END:VALARM',
    'END:VEVENT',
  ]
}

/** The whole .ics text, events in due order, CRLF line ends, every line folded. */
export function buildIcs(notes: Iterable<Followable>, options: IcsOptions): string {
  const pending = [...notes]
    .filter((n) => pendingFollowUp(n) !== null)
    .sort((a, b) => dueTime(a.followUp!) - dueTime(b.followUp!) || a.id.localeCompare(b.id))
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tickler//Follow-ups//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name ?? 'Tickler follow-ups')}`,
    ...pending.flatMap((n) => event(n, options) ?? []),
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
