import { describe, expect, it } from 'vitest'
import { findFollowUpPhrase, parseFollowUpPhrase } from './phrase'
import { toZonedIso } from './zone'

// Thursday 6 March 2025, 14:00 in Seoul.
const seoul = { now: new Date('2025-03-06T05:00:00Z'), timeZone: 'Asia/Seoul' }
// Thursday 6 March 2025, 14:00 in New York — three days before DST starts there (9 March).
const newYork = { now: new Date('2025-03-06T19:00:00Z'), timeZone: 'America/New_York' }

const read = (phrase: string, opts: typeof seoul) => {
  const r = parseFollowUpPhrase(phrase, opts)
  return r.ok ? toZonedIso(r.dueAt, opts.timeZone) : `error:${r.reason}`
}

describe('parseFollowUpPhrase — Korean (Seoul, Thu 2025-03-06 14:00)', () => {
  it.each([
    ['내일', '2025-03-07T09:00:00+09:00'],
    ['모레', '2025-03-08T09:00:00+09:00'],
    ['내일 오후 3시', '2025-03-07T15:00:00+09:00'],
    ['내일 오후 3시에', '2025-03-07T15:00:00+09:00'],
    ['3일 후', '2025-03-09T14:00:00+09:00'],
    ['3일후', '2025-03-09T14:00:00+09:00'],
    ['2주 뒤', '2025-03-20T14:00:00+09:00'],
    ['이틀 뒤 오전 10시', '2025-03-08T10:00:00+09:00'],
    ['두 시간 후', '2025-03-06T16:00:00+09:00'],
    ['30분 뒤', '2025-03-06T14:30:00+09:00'],
    ['다음 주 월요일', '2025-03-10T09:00:00+09:00'],
    ['다음주 월요일 오전 9시', '2025-03-10T09:00:00+09:00'],
    ['이번 주 금요일 오후 3시', '2025-03-07T15:00:00+09:00'],
    ['다다음 주 수요일', '2025-03-19T09:00:00+09:00'],
    ['다음 주', '2025-03-13T14:00:00+09:00'],
    ['금요일', '2025-03-07T09:00:00+09:00'],
    ['12월 3일 오전 10시 반', '2025-12-03T10:30:00+09:00'],
    ['12월 3일', '2025-12-03T09:00:00+09:00'],
    ['1월 5일', '2026-01-05T09:00:00+09:00'],
    ['2026년 1월 5일 14:30', '2026-01-05T14:30:00+09:00'],
    ['오후 5시', '2025-03-06T17:00:00+09:00'],
    ['오전 10시', '2025-03-07T10:00:00+09:00'],
    ['3시', '2025-03-06T15:00:00+09:00'],
    ['내일 아침', '2025-03-07T09:00:00+09:00'],
    ['내일 저녁 7시 15분', '2025-03-07T19:15:00+09:00'],
    ['오후 세 시', '2025-03-06T15:00:00+09:00'],
    ['다음 달 3일', '2025-04-03T09:00:00+09:00'],
  ])('%s → %s', (phrase, expected) => {
    expect(read(phrase, seoul)).toBe(expected)
  })

  it.each([
    ['어쩌면 내일', 'unreadable'],
    ['내일 확인', 'unreadable'],
    ['이번 주', 'unreadable'],
    ['2월 30일', 'unreadable'],
    ['오후 25시', 'unreadable'],
    ['오늘 오전 9시', 'past'],
    ['이번 주 월요일', 'past'],
    ['   ', 'empty'],
  ])('refuses %s (%s)', (phrase, reason) => {
    expect(read(phrase, seoul)).toBe(`error:${reason}`)
  })
})

describe('parseFollowUpPhrase — English (New York, Thu 2025-03-06 14:00)', () => {
  it.each([
    ['in 2 days', '2025-03-08T14:00:00-05:00'],
    // Across the DST change a day later is still 14:00 on the wall.
    ['in 4 days', '2025-03-10T14:00:00-04:00'],
    ['tomorrow 9am', '2025-03-07T09:00:00-05:00'],
    ['tomorrow', '2025-03-07T09:00:00-05:00'],
    ['tomorrow morning', '2025-03-07T09:00:00-05:00'],
    ['next Monday', '2025-03-10T09:00:00-04:00'],
    ['Dec 3 14:00', '2025-12-03T14:00:00-05:00'],
    ['fri 10am', '2025-03-07T10:00:00-05:00'],
    ['by Friday', '2025-03-07T09:00:00-05:00'],
    ['thursday', '2025-03-13T09:00:00-04:00'],
    ['3pm', '2025-03-06T15:00:00-05:00'],
    ['9am', '2025-03-07T09:00:00-05:00'],
    ['in 3 hours', '2025-03-06T17:00:00-05:00'],
    ['48h', '2025-03-08T14:00:00-05:00'],
    ['2d', '2025-03-08T14:00:00-05:00'],
    ['1w', '2025-03-13T14:00:00-04:00'],
    ['1h30m', '2025-03-06T15:30:00-05:00'],
    // 72 elapsed hours across the spring-forward night land an hour later on the wall.
    ['72h', '2025-03-09T15:00:00-04:00'],
  ])('%s → %s', (phrase, expected) => {
    expect(read(phrase, newYork)).toBe(expected)
  })

  it.each([
    ['whenever', 'unreadable'],
    ['asdf tomorrow', 'unreadable'],
    ['tomorrow or so maybe', 'unreadable'],
    ['yesterday', 'past'],
    ['', 'empty'],
  ])('refuses %s (%s)', (phrase, reason) => {
    expect(read(phrase, newYork)).toBe(`error:${reason}`)
  })

  it('refuses an unknown time zone instead of guessing one', () => {
    const r = parseFollowUpPhrase('tomorrow', { now: newYork.now, timeZone: 'Mars/Olympus' })
    expect(r).toMatchObject({ ok: false, reason: 'bad-zone' })
  })

  it('reads the same phrase as the same wall time in another zone', () => {
    expect(read('tomorrow 9am', seoul)).toBe('2025-03-07T09:00:00+09:00')
  })
})

describe('findFollowUpPhrase', () => {
  it.each([
    ['Call Kim about the quote fri 10am', newYork, 'Call Kim about the quote', '2025-03-07T10:00:00-05:00'],
    ['Send the deck tomorrow', newYork, 'Send the deck', '2025-03-07T09:00:00-05:00'],
    ['Chase invoice 48h', newYork, 'Chase invoice', '2025-03-08T14:00:00-05:00'],
    ['견적 회신 확인 내일 오후 3시', seoul, '견적 회신 확인', '2025-03-07T15:00:00+09:00'],
    ['계약서 검토 다음 주 월요일', seoul, '계약서 검토', '2025-03-10T09:00:00+09:00'],
  ])('%s', (line, opts, title, due) => {
    const found = findFollowUpPhrase(line, opts)
    expect(found && { title: found.title, due: toZonedIso(found.dueAt, opts.timeZone) }).toEqual({
      title,
      due,
    })
  })

  it.each([
    ['Buy milk', newYork],
    ['Ask if we may', newYork],
    ['tomorrow', newYork],
    ['회의록 정리', seoul],
    ['Report yesterday 9am', newYork],
  ])('finds nothing in %s', (line, opts) => {
    expect(findFollowUpPhrase(line, opts)).toBeNull()
  })
})
