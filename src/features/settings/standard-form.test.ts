import { describe, expect, it } from 'vitest'
import { DEFAULT_STANDARDS } from '../../../electron/shared/followups/standards'
import { draftOf, newStandardId, standardFromDraft } from './standard-form'

const draft = (steps: string, maxAttempts = '', name = 'Lead') => ({
  name,
  unit: 'days' as const,
  steps,
  maxAttempts,
})

describe('standard drafts', () => {
  it('round-trips every shipped standard', () => {
    for (const s of DEFAULT_STANDARDS)
      expect(standardFromDraft(draftOf(s), s.id)).toEqual({ ok: true, standard: s })
  })

  it('reads steps separated by commas or spaces; blank max attempts repeats the last gap', () => {
    expect(standardFromDraft(draft('1, 3  7'), 'x')).toEqual({
      ok: true,
      standard: { id: 'x', name: 'Lead', unit: 'days', offsets: [1, 3, 7], repeat: true },
    })
  })

  it('cuts steps beyond max attempts and extends with the last gap below it', () => {
    expect(standardFromDraft(draft('2, 5, 10', '2'), 'x')).toMatchObject({
      standard: { offsets: [2, 5], repeat: false },
    })
    expect(standardFromDraft(draft('2, 5', '4'), 'x')).toMatchObject({ standard: { offsets: [2, 5, 8, 11] } })
    expect(standardFromDraft(draft('3', '3'), 'x')).toMatchObject({ standard: { offsets: [3, 6, 9] } })
  })

  it('names what is wrong instead of saving a broken standard', () => {
    expect(standardFromDraft(draft('1, 2', '', '  '), 'x')).toEqual({ ok: false, problem: 'name' })
    expect(standardFromDraft(draft(''), 'x')).toEqual({ ok: false, problem: 'steps' })
    expect(standardFromDraft(draft('1, two'), 'x')).toEqual({ ok: false, problem: 'steps' })
    expect(standardFromDraft(draft('0, 2'), 'x')).toEqual({ ok: false, problem: 'steps' })
    expect(standardFromDraft(draft('1.5'), 'x')).toEqual({ ok: false, problem: 'steps' })
    expect(standardFromDraft(draft('5, 2'), 'x')).toEqual({ ok: false, problem: 'stepsOrder' })
    expect(standardFromDraft(draft('2, 2'), 'x')).toEqual({ ok: false, problem: 'stepsOrder' })
    expect(standardFromDraft(draft('2', '0'), 'x')).toEqual({ ok: false, problem: 'maxAttempts' })
    expect(standardFromDraft(draft('2', '51'), 'x')).toEqual({ ok: false, problem: 'maxAttempts' })
    expect(standardFromDraft(draft('2', 'lots'), 'x')).toEqual({ ok: false, problem: 'maxAttempts' })
  })

  it('makes ids the contract accepts, unique among the taken ones', () => {
    expect(newStandardId('Hot lead!', [])).toBe('hot-lead')
    expect(newStandardId('Hot lead', ['hot-lead', 'hot-lead-2'])).toBe('hot-lead-3')
    expect(newStandardId('영업 리드', [], () => 0.5)).toMatch(/^standard-[a-z0-9]{1,4}$/)
    expect(newStandardId('Café crème', [])).toBe('cafe-creme')
  })
})
