import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { FollowUpItem, FollowUpView } from '../../../electron/shared/contract-followups'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { ApiContext } from '../../app/api-context'
import { mountPerTest, until } from '../../test/dom'
import { FollowUpsView } from './FollowUpsView'

const NOW = new Date('2030-06-03T09:00:00Z')
const dom = mountPerTest()
const openApi = realApiPerTest()
const byLabel = (name: string) =>
  dom.container.querySelector<HTMLButtonElement>(`button[aria-label="${name}"]`)

const item = (id: string, title: string): FollowUpItem => ({
  id,
  title,
  notebookId: 'inbox',
  dueAt: '2030-06-02T09:00:00Z',
  waitingOn: null,
  owner: null,
  attempt: 1,
  attempts: 5,
  standard: 'sales-lead',
})

async function setup() {
  const real = await openApi({ now: () => NOW })
  const note = await real.api.notes.create({ notebookId: 'inbox', title: 'Acme renewal' })
  await real.api.followups.set({ id: note.id, phrase: '48h', standard: null })
  const view: FollowUpView = {
    overdue: [item(note.id, 'Acme renewal')],
    today: [],
    upcoming: [],
    waitingOn: [],
    recentlyDone: [{ id: 'n-old', title: 'Old deal', doneAt: '2030-06-01T09:00:00Z' }],
    counts: { overdue: 1, today: 0, upcoming: 0, waitingOn: 0, recentlyDone: 1 },
  }
  const onOpen = vi.fn()
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={real.api}>
        <FollowUpsView view={view} onOpen={onOpen} />
      </ApiContext.Provider>,
    ),
  )
  return { real, note, onOpen }
}

describe('Follow-ups view row actions', () => {
  it('marks a follow-up done from its row and says so', async () => {
    const { real, note } = await setup()
    const done = vi.spyOn(real.api.followups, 'done')
    await act(async () => byLabel('Done: Acme renewal')!.click())
    expect(done).toHaveBeenCalledWith({ id: note.id })
    await until(() => dom.container.querySelector('[role="status"]')?.textContent?.includes('is done'))
    expect((await real.api.notes.get({ id: note.id })).doneAt).not.toBeNull()
  })

  it('snoozes by the same phrases as the note bar', async () => {
    const { real, note } = await setup()
    const snooze = vi.spyOn(real.api.followups, 'snooze')
    await act(async () => byLabel('Snooze 1 hour: Acme renewal')!.click())
    // The row is busy until core has saved the first snooze; the second click waits for that.
    await until(() => dom.container.querySelector('[role="status"]')?.textContent)
    await act(async () => byLabel('Snooze until tomorrow: Acme renewal')!.click())
    await until(() => snooze.mock.calls.length === 2)
    expect(snooze.mock.calls).toEqual([
      [{ id: note.id, phrase: '1h' }],
      [{ id: note.id, phrase: 'tomorrow 9am' }],
    ])
  })

  it('after the last logged attempt offers to open the note, where the question waits', async () => {
    const { onOpen, note } = await setup()
    await act(async () => byLabel('Log follow-up: Acme renewal')!.click())
    const open = await until(() =>
      [...dom.container.querySelectorAll('button')].find(
        (b) => b.textContent === 'Open the note to decide what next',
      ),
    )
    expect(dom.container.textContent).toContain('That was attempt 1 on “Acme renewal”, the last one.')
    await act(async () => open.click())
    expect(onOpen).toHaveBeenCalledWith(note.id)
  })

  it('reports a refused action as an alert and changes nothing', async () => {
    const { real, note } = await setup()
    vi.spyOn(real.api.followups, 'done').mockRejectedValue(new Error('No note with id "x".'))
    await act(async () => byLabel('Done: Acme renewal')!.click())
    const alert = await until(() => dom.container.querySelector('[role="alert"]'))
    expect(alert.textContent).toBe('Could not update the follow-up: No note with id "x".')
    expect((await real.api.notes.get({ id: note.id })).doneAt).toBeNull()
  })

  it('offers Reopen, not Done, on recently done rows', async () => {
    const { real, note } = await setup()
    // "Old deal" is only in the view handed to the component, so core would not find it: answer for it.
    const reopen = vi.spyOn(real.api.followups, 'reopen').mockResolvedValue(note)
    expect(byLabel('Done: Old deal')).toBeNull()
    await act(async () => byLabel('Reopen: Old deal')!.click())
    expect(reopen).toHaveBeenCalledWith({ id: 'n-old' })
  })
})
