import { describe, expect, it } from 'vitest'
import { formatFullTime, formatRelativeTime } from './relative-time'

// Local-time constructors so the day boundaries hold in any time zone the tests run in.
const now = new Date(2025, 5, 18, 15, 30, 0)
const at = (year: number, month: number, day: number, hour: number, minute: number, second = 0) =>
  new Date(year, month, day, hour, minute, second).toISOString()

describe('formatRelativeTime', () => {
  it('says "now" for the last minute, including a clock slightly ahead', () => {
    expect(formatRelativeTime(at(2025, 5, 18, 15, 29, 30), now, 'en')).toBe('now')
    expect(formatRelativeTime(new Date(now.getTime() + 5_000).toISOString(), now, 'en')).toBe('now')
  })

  it('counts minutes and hours within today', () => {
    expect(formatRelativeTime(at(2025, 5, 18, 15, 25), now, 'en')).toBe('5 minutes ago')
    expect(formatRelativeTime(at(2025, 5, 18, 12, 0), now, 'en')).toBe('3 hours ago')
  })

  it('uses calendar days, so late last night is "yesterday" even if under 24 hours ago', () => {
    expect(formatRelativeTime(at(2025, 5, 17, 23, 0), now, 'en')).toBe('yesterday')
    expect(formatRelativeTime(at(2025, 5, 15, 9, 0), now, 'en')).toBe('3 days ago')
  })

  it('shows a date after a week, with the year only when it differs', () => {
    expect(formatRelativeTime(at(2025, 2, 3, 9, 0), now, 'en')).toBe('Mar 3')
    expect(formatRelativeTime(at(2024, 11, 31, 9, 0), now, 'en')).toBe('Dec 31, 2024')
  })

  it('speaks Korean', () => {
    expect(formatRelativeTime(at(2025, 5, 18, 15, 25), now, 'ko')).toBe('5분 전')
    expect(formatRelativeTime(at(2025, 5, 17, 10, 0), now, 'ko')).toBe('어제')
    expect(formatRelativeTime(at(2025, 2, 3, 9, 0), now, 'ko')).toBe('3월 3일')
  })

  it('returns an empty string for a broken timestamp rather than "Invalid Date"', () => {
    expect(formatRelativeTime('not a date', now, 'en')).toBe('')
    expect(formatFullTime('not a date', 'en')).toBe('')
  })
})
