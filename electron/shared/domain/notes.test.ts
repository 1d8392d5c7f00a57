import { describe, expect, it } from 'vitest'
import { pendingFollowUp, snippetOf } from './notes'

describe('snippetOf', () => {
  it('collapses whitespace and cuts long text at the limit with an ellipsis', () => {
    expect(snippetOf('a\n\n  b')).toBe('a b')
    expect(snippetOf('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`)
    expect(snippetOf('y'.repeat(300))).toHaveLength(140)
    expect(snippetOf('y'.repeat(140))).toBe('y'.repeat(140))
  })
})

describe('pendingFollowUp', () => {
  const followUp = { dueAt: '2025-03-07T09:00:00.000Z' }
  const open = { followUp, doneAt: null, archivedAt: null, trashedAt: null }
  const at = '2025-03-01T00:00:00.000Z'

  it('is the follow-up of an open note, and none for a done, archived or trashed one', () => {
    expect(pendingFollowUp(open)).toBe(followUp)
    expect(pendingFollowUp({ ...open, followUp: null })).toBeNull()
    expect(pendingFollowUp({ ...open, doneAt: at })).toBeNull()
    expect(pendingFollowUp({ ...open, archivedAt: at })).toBeNull()
    expect(pendingFollowUp({ ...open, trashedAt: at })).toBeNull()
  })
})
