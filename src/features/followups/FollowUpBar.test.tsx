import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { Note } from '../../../electron/shared/model'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { ApiContext } from '../../app/api-context'
import { mountPerTest, typeInto, until } from '../../test/dom'
import { FollowUpBar } from './FollowUpBar'
import { formatDue } from './format'

const NOW = new Date('2030-06-03T09:00:00Z')
const dom = mountPerTest()
const openApi = realApiPerTest()

const button = (name: string) =>
  [...dom.container.querySelectorAll('button')].find((b) => b.textContent?.trim() === name)
const phraseInput = () =>
  [...dom.container.querySelectorAll('label')]
    .find((l) => l.textContent?.startsWith('When to follow up'))
    ?.querySelector('input') ?? null
const form = () => dom.container.querySelector('form')

async function setup(options: { followUp?: boolean } = {}) {
  const real = await openApi({ now: () => NOW })
  let note = await real.api.notes.create({ notebookId: 'inbox', title: 'Call Kim' })
  if (options.followUp) {
    note = await real.api.followups.set({ id: note.id, phrase: '48h', standard: null })
  }
  const set = vi.spyOn(real.api.followups, 'set')
  const changed: Note[] = []
  const render = async (current: Note, key = String(current.revision)) =>
    act(async () =>
      dom.root.render(
        <ApiContext.Provider value={real.api}>
          <FollowUpBar key={key} note={current} onChanged={(saved) => changed.push(saved)} />
        </ApiContext.Provider>,
      ),
    )
  await render(note)
  return { real, note, set, changed, render }
}

describe('FollowUpBar', () => {
  it('shows the time core read from a phrase before anything is saved, then saves it', async () => {
    const { real, note, set, changed } = await setup()
    await act(async () => button('Set follow-up')!.click())
    await typeInto(phraseInput()!, '내일')
    const expected = (await real.api.followups.parse({ phrase: '내일' })) as { dueAt: string }
    await until(() =>
      dom.container.textContent?.includes(`Will follow up ${formatDue(expected.dueAt, 'en')}`),
    )
    expect(set).not.toHaveBeenCalled()
    expect((await real.api.notes.get({ id: note.id })).followUp).toBeNull()

    await act(async () => button('Save follow-up')!.click())
    await until(() => changed.length === 1)
    expect(set).toHaveBeenCalledWith(expect.objectContaining({ id: note.id, phrase: '내일' }))
    expect(changed[0]!.followUp?.dueAt).toBe(expected.dueAt)
    expect(form()).toBeNull()
  })

  it('says a phrase cannot be read, keeps Save disabled and saves nothing on Enter', async () => {
    const { real, note, set, changed } = await setup()
    await act(async () => button('Set follow-up')!.click())
    await typeInto(phraseInput()!, 'when pigs fly')
    const alert = await until(() => dom.container.querySelector('.followup-preview[role="alert"]'))
    expect(alert.textContent).toBe(
      'Could not read "when pigs fly" as a time. Try "in 2 days", "tomorrow 9am", "3일 후" or "48h".',
    )
    expect(button('Save follow-up')!.disabled).toBe(true)

    await act(async () => form()!.requestSubmit())
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(set).not.toHaveBeenCalled()
    expect(changed).toEqual([])
    expect((await real.api.notes.get({ id: note.id })).followUp).toBeNull()
    expect(form()).not.toBeNull()
  })

  it('shows core refusing a phrase submitted before its preview arrived, and saves nothing', async () => {
    const { real, note, set, changed } = await setup()
    await act(async () => button('Set follow-up')!.click())
    await typeInto(phraseInput()!, 'someday')
    // Enter right away: the preview is still being fetched, so core reads the phrase when saving.
    await act(async () => form()!.requestSubmit())
    const error = await until(() => dom.container.querySelector('.followup-message[role="alert"]'))
    expect(error.textContent).toContain('Could not read "someday" as a time.')
    expect(set).toHaveBeenCalledTimes(1)
    expect(changed).toEqual([])
    expect((await real.api.notes.get({ id: note.id })).followUp).toBeNull()
  })

  it('Escape closes the form without saving', async () => {
    const { set } = await setup()
    await act(async () => button('Set follow-up')!.click())
    await typeInto(phraseInput()!, '48h')
    await act(async () =>
      phraseInput()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    )
    expect(form()).toBeNull()
    expect(set).not.toHaveBeenCalled()
  })

  it('asks what next after the last attempt, and the question survives the remount a save causes', async () => {
    const { real, changed, render } = await setup({ followUp: true })
    await act(async () => button('Log follow-up')!.click())
    await until(() => changed.length === 1)
    // The shell re-keys the note view by revision: a fresh bar for the same note still asks.
    await render(changed[0]!)
    const ask = await until(() => dom.container.querySelector('[role="group"].followup-ask'))
    expect(ask.textContent).toContain('That was attempt 1, the last one. What next?')
    expect(document.activeElement).toBe(button('Mark done'))

    await act(async () => button('Mark done')!.click())
    await until(() => changed.length === 2)
    expect(changed[1]!.doneAt).not.toBeNull()
    expect((await real.api.notes.get({ id: changed[1]!.id })).doneAt).not.toBeNull()
  })

  it('forgets the question once the user moves to another note', async () => {
    const { real, changed, render } = await setup({ followUp: true })
    await act(async () => button('Log follow-up')!.click())
    await until(() => changed.length === 1)
    await render(changed[0]!)
    await until(() => dom.container.querySelector('.followup-ask'))
    const other = await real.api.notes.create({ notebookId: 'inbox', title: 'Other' })
    await render(other, 'other')
    await act(async () => new Promise((resolve) => setTimeout(resolve, 20)))
    await render(changed[0]!, 'back')
    expect(dom.container.querySelector('.followup-ask')).toBeNull()
    expect(dom.container.textContent).toContain('No follow-up set.')
  })
})
