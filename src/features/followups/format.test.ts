import { describe, expect, it } from 'vitest'
import { formatDue } from './format'

const now = new Date(2026, 11, 7, 9, 0)

describe('formatDue', () => {
  it('leaves the year out for a time in the current year', () => {
    const due = new Date(2026, 3, 6, 15, 0).toISOString()
    expect(formatDue(due, 'en', now)).not.toContain('2026')
    expect(formatDue(due, 'ko', now)).not.toContain('2026')
  })

  it('says the year of a time in another year, in English and Korean', () => {
    const past = new Date(2025, 3, 6, 15, 0).toISOString()
    expect(formatDue(past, 'en', now)).toMatch(/Apr 6, 2025/)
    expect(formatDue(past, 'ko', now)).toMatch(/2025년 4월 6일/)
    const next = new Date(2027, 0, 4, 9, 30).toISOString()
    expect(formatDue(next, 'en', now)).toContain('2027')
    expect(formatDue(next, 'ko', now)).toContain('2027년')
  })

  it('gives back what it cannot read instead of "Invalid Date"', () => {
    expect(formatDue('not a date', 'en', now)).toBe('not a date')
  })
})
