import { describe, expect, it } from 'vitest'
import { FollowUp, HistoryEntry } from './model'

describe('dates in the model', () => {
  it.each(['+275760-09-13T00:00:00.000Z', '1899-12-31T23:59:59.000Z', '9999-12-31T23:00:00-05:00'])(
    'refuses %s, outside the years 1900–9999',
    (dueAt) => {
      const result = FollowUp.safeParse({ dueAt, waitingOn: null, owner: null, attempt: 1, standard: null })
      expect(result.success).toBe(false)
      expect(result.error?.issues[0]?.message).toMatch(/datetime|must be a date in the years 1900–9999/)
    },
  )

  it('accepts the ends of the range', () => {
    for (const at of ['1900-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z'])
      expect(HistoryEntry.safeParse({ at, kind: 'done' }).success).toBe(true)
  })
})
