import { describe, expect, it } from 'vitest'
import { DEFAULT_STANDARDS } from '../../shared/followups/standards'
import type { Note } from '../../shared/model'
import { buildIcs, escapeText, foldLine, utcStamp } from './ics'
import { makeNote } from './test-support'

const NOW = new Date('2030-06-03T09:00:00Z')
const octets = (s: string) => new TextEncoder().encode(s).length

function followed(
  id: string,
  title: string,
  dueAt: string,
  extra: Partial<NonNullable<Note['followUp']>> = {},
): Note {
  return {
    ...makeNote(id, NOW, title),
    followUp: { dueAt, waitingOn: null, owner: null, attempt: 1, standard: null, ...extra },
  }
}

/** Undoes folding (§3.1): a CRLF followed by one space joins the lines. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '')

describe('ics text', () => {
  it('escapes backslash, semicolon, comma and every kind of line break, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng')
    expect(escapeText('bell\u0007 tab\tok')).toBe('bell tab\tok')
  })

  it('folds at 75 octets with a leading space, never inside a multi-byte character', () => {
    const line = `SUMMARY:${'김민준 팀장님 견적서 회신 '.repeat(8)}🙂🙂🙂`
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(3)
    expect(octets(parts[0]!)).toBeLessThanOrEqual(75)
    for (const part of parts.slice(1)) {
      expect(part.startsWith(' ')).toBe(true)
      expect(octets(part)).toBeLessThanOrEqual(75)
    }
    // Every part is valid UTF-8 on its own: no replacement characters after a round trip.
    for (const part of parts) expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part)
    expect(folded.replace(/\r\n /g, '')).toBe(line)
  })

  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75))
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`)
  })

  it('writes times in UTC form', () => {
    expect(utcStamp(new Date('2030-06-04T15:00:00+09:00'))).toBe('20300604T060000Z')
  })
})

describe('buildIcs', () => {
  it('has one event per pending follow-up, in due order, with a stable UID, UTC start and an alarm', () => {
    const notes = [
      followed('later', 'Contract, signed; finally', '2030-06-10T09:00:00+02:00'),
      followed('soon', '김민준 팀장님 견적서 회신', '2030-06-04T15:00:00+09:00', {
        waitingOn: '김민준',
        attempt: 2,
        standard: 'sales-lead',
      }),
      { ...followed('done', 'Finished', '2030-06-05T09:00:00Z'), doneAt: NOW.toISOString() },
      { ...followed('gone', 'Trashed', '2030-06-05T09:00:00Z'), trashedAt: NOW.toISOString() },
      makeNote('none', NOW, 'No follow-up'),
    ]
    const ics = buildIcs(notes, { now: NOW, standards: DEFAULT_STANDARDS })
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)

    const lines = unfold(ics).split('\r\n')
    expect(lines.slice(0, 4)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tickler//Follow-ups//EN',
      'CALSCALE:GREGORIAN',
    ])
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2)
    expect(lines.filter((l) => l.startsWith('UID:'))).toEqual(['UID:soon@tickler', 'UID:later@tickler'])
    expect(lines.filter((l) => l.startsWith('DTSTART:'))).toEqual([
      'DTSTART:20300604T060000Z',
      'DTSTART:20300610T070000Z',
    ])
    expect(lines).toContain('SUMMARY:김민준 팀장님 견적서 회신')
    expect(lines).toContain('DESCRIPTION:Waiting on 김민준\\nAttempt 2 of 5 (Sales lead)')
    expect(lines).toContain('SUMMARY:Contract\\, signed\\; finally')
    expect(lines.filter((l) => l === 'TRIGGER;RELATED=START:PT0S')).toHaveLength(2)
    expect(lines.filter((l) => l === `DTSTAMP:${utcStamp(NOW)}`)).toHaveLength(2)
    expect(lines.at(-2)).toBe('END:VCALENDAR')
  })

  it('keeps the UID when the follow-up moves, so calendars update the event instead of adding one', () => {
    const before = buildIcs([followed('n1', 'Call', '2030-06-04T09:00:00Z')], { now: NOW, standards: [] })
    const after = buildIcs([followed('n1', 'Call', '2030-06-09T09:00:00Z')], { now: NOW, standards: [] })
    const uid = (ics: string) => ics.split('\r\n').find((l) => l.startsWith('UID:'))
    expect(uid(after)).toBe(uid(before))
    expect(after).toContain('DTSTART:20300609T090000Z')
  })

  it('is a valid empty calendar when nothing is open, and names untitled notes', () => {
    expect(buildIcs([], { now: NOW, standards: [] }).split('\r\n')).not.toContain('BEGIN:VEVENT')
    const untitled = buildIcs([followed('u', '   ', '2030-06-04T09:00:00Z')], { now: NOW, standards: [] })
    expect(untitled).toContain('SUMMARY:Untitled note')
  })
})
