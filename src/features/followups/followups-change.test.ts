import { describe, expect, it } from 'vitest'
import type { FollowUpView } from '../../../electron/shared/contract-followups'
import type { NoteSummary } from '../../../electron/shared/model'
import { idsIn, touchesFollowUps } from './followups-change'

const item = (id: string) => ({ id }) as FollowUpView['today'][number]
const view = {
  overdue: [item('late')],
  today: [],
  upcoming: [item('soon')],
  waitingOn: [{ person: 'Dana', items: [item('dana')] }],
  recentlyDone: [{ id: 'done', title: 'Done', doneAt: '2026-12-01T00:00:00.000Z' }],
  counts: { overdue: 1, today: 0, upcoming: 1, waitingOn: 1, recentlyDone: 1 },
} satisfies FollowUpView
const row = (id: string, followUp: NoteSummary['followUp'] = null) => ({ id, followUp }) as NoteSummary
const saved = (...rows: NoteSummary[]) => ({
  noteIds: rows.map((r) => r.id),
  summaries: rows,
  notebooks: false,
})

describe('which changes can alter the Follow-ups view', () => {
  const shown = idsIn(view)

  it('knows every note the view shows, in every section', () => {
    expect([...shown].sort()).toEqual(['dana', 'done', 'late', 'soon'])
  })

  it('skips a save of a note with no follow-up that the view does not show', () => {
    expect(touchesFollowUps(shown, saved(row('plain')))).toBe(false)
  })

  it('asks again for a note that has a follow-up now, or one the view shows (cleared, done, removed)', () => {
    const followUp = { dueAt: '2026-12-08T09:00:00.000Z' } as NoteSummary['followUp']
    expect(touchesFollowUps(shown, saved(row('new', followUp)))).toBe(true)
    expect(touchesFollowUps(shown, saved(row('soon')))).toBe(true)
    expect(touchesFollowUps(shown, { noteIds: ['done'], summaries: [], notebooks: false })).toBe(true)
  })

  it('asks on any change before the view has loaded, and when notebooks change', () => {
    expect(touchesFollowUps(null, saved(row('plain')))).toBe(true)
    expect(touchesFollowUps(shown, { noteIds: [], summaries: [], notebooks: true })).toBe(true)
  })
})
