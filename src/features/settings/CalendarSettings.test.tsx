import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import type { CalendarStatus } from '../../../electron/shared/contract-followups'
import { ApiContext } from '../../app/api-context'
import { initI18n } from '../../lib/i18n'
import { mountPerTest, until } from '../../test/dom'
import { createFakeTickler } from '../../test/fake-tickler'
import { CalendarSettings } from './CalendarSettings'

void initI18n('en')
const dom = mountPerTest()
const off: CalendarStatus = { folder: null, file: null, writtenAt: null, error: null, canPick: true }
const button = (name: string) => [...dom.container.querySelectorAll('button')].find((b) => b.textContent === name)

async function render(canPick: boolean) {
  const fake = createFakeTickler()
  const chosen: CalendarStatus = { ...off, folder: '/home/kim/Dropbox', file: '/home/kim/Dropbox/tickler-followups.ics' }
  vi.spyOn(fake.api.followups, 'calendar').mockResolvedValue({ ...off, canPick })
  const pick = vi.spyOn(fake.api.followups, 'pickCalendarFolder').mockResolvedValue(chosen)
  const typed = vi.spyOn(fake.api.followups, 'setCalendarFolder')
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={fake.api}>
        <CalendarSettings />
      </ApiContext.Provider>,
    ),
  )
  await until(() => dom.container.querySelector('[role="status"]')?.textContent !== '')
  const input = dom.container.querySelector('input')!
  return { input, pick, typed }
}

describe('calendar feed settings', () => {
  it('in the desktop app, the folder comes only from the dialog: the field only shows it', async () => {
    const { input, pick, typed } = await render(true)
    expect(input.readOnly).toBe(true)
    expect(input.placeholder).toBe('No folder chosen')
    expect(button('Keep the file here')).toBeUndefined()
    await act(async () => void input.form!.requestSubmit())
    expect(typed).not.toHaveBeenCalled()
    await act(async () => button('Choose folder…')!.click())
    expect(pick).toHaveBeenCalledOnce()
    expect(input.value).toBe('/home/kim/Dropbox')
  })

  it('where there is no dialog (the preview), a typed path is sent', async () => {
    const { input, typed } = await render(false)
    expect(input.readOnly).toBe(false)
    expect(button('Choose folder…')).toBeUndefined()
    Reflect.set(HTMLInputElement.prototype, 'value', '/home/kim/cal', input)
    await act(async () => void input.dispatchEvent(new Event('input', { bubbles: true })))
    await act(async () => button('Keep the file here')!.click())
    expect(typed).toHaveBeenCalledWith({ folder: '/home/kim/cal' })
  })
})
