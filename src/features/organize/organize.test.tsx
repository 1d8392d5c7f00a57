import { act } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { App } from '../../app/App'
import { byName, mountPerTest, press, typeInto, until } from '../../test/dom'

const dom = mountPerTest()
const openApi = realApiPerTest()

/** The whole window on the real core, with a Work notebook and three notes in the Inbox. */
async function setup() {
  const real = await openApi()
  const work = await real.api.notebooks.create({ name: 'Work' })
  const ids: Record<string, string> = {}
  for (const title of ['Alpha', 'Beta', 'Gamma'])
    ids[title] = (await real.api.notes.create({ title, notebookId: 'inbox' })).id
  await act(async () => dom.root.render(<App api={real.api} />))
  await until(() => rows().length === 3)
  const stored = (title: string) => real.api.notes.get({ id: ids[title]! })
  return { real, work, stored }
}

const rows = () => [...dom.container.querySelectorAll<HTMLElement>('[role="option"]')]
const row = (title: string) => rows().find((r) => r.textContent?.includes(title))
const toast = () => dom.container.querySelector('.toast')?.textContent ?? ''
async function click(element: HTMLElement | undefined, init: MouseEventInit = {}) {
  await act(async () => void element!.dispatchEvent(new MouseEvent('click', { bubbles: true, ...init })))
}
async function openNote(title: string) {
  await click(row(title))
  await until(() => byName<HTMLInputElement>('Title', 'input')?.value === title)
}
const tagField = () => byName<HTMLInputElement>('Tag name', 'input')!

describe('organizing the open note', () => {
  // The window keeps its place for a reload (sessionStorage); each test starts as a fresh window.
  beforeEach(() => sessionStorage.clear())

  it('moves it to another notebook from its notebook menu', async () => {
    const { work, stored } = await setup()
    await openNote('Alpha')
    await act(async () => byName('Move note: Inbox')!.click())
    await act(async () => byName('Work', '[role="menuitemradio"]')!.click())
    await until(() => toast().includes('Moved 1 note to Work'))
    expect((await stored('Alpha')).notebookId).toBe(work.id)
    await until(() => !row('Alpha'))
  })

  it('adds tags with Enter and with a typed comma, and removes one with its button', async () => {
    const { stored } = await setup()
    await openNote('Alpha')
    await typeInto(tagField(), '#acme')
    await press(tagField(), 'Enter')
    await typeInto(tagField(), 'q3, renewal')
    await until(async () => (await stored('Alpha')).tags.length === 2)
    expect((await stored('Alpha')).tags).toEqual(['acme', 'q3'])
    // What follows the last comma stays in the field until Enter.
    expect(tagField().value).toBe(' renewal')
    await act(async () => byName('Remove tag acme')!.click())
    await until(async () => (await stored('Alpha')).tags.join() === 'q3')
  })

  it('refuses a tag with a space before sending it, and saves nothing', async () => {
    const { real, stored } = await setup()
    await openNote('Alpha')
    const update = vi.spyOn(real.api.notes, 'update')
    await typeInto(tagField(), 'two words')
    await press(tagField(), 'Enter')
    const alert = await until(() => dom.container.querySelector('.tag-field [role="alert"]'))
    expect(alert.textContent).toBe('That did not work: a tag has no spaces, commas or "#"')
    expect(update).not.toHaveBeenCalled()
    expect((await stored('Alpha')).tags).toEqual([])
  })

  it('takes a tag back off the chips when core refuses to save it', async () => {
    const { real, stored } = await setup()
    await openNote('Alpha')
    vi.spyOn(real.api.notes, 'update').mockRejectedValueOnce(new Error('the disk is full'))
    await typeInto(tagField(), 'acme')
    await press(tagField(), 'Enter')
    await until(() => dom.container.textContent?.includes('That did not work: the disk is full'))
    expect(byName('Remove tag acme')).toBeUndefined()
    expect((await stored('Alpha')).tags).toEqual([])
  })
})

describe('organizing several notes at once', () => {
  beforeEach(() => sessionStorage.clear())

  /** Alpha, then Ctrl+click Gamma: two notes selected and the bulk bar shown. */
  async function selectTwo() {
    const context = await setup()
    await openNote('Alpha')
    await click(row('Gamma'), { ctrlKey: true })
    await until(() => byName<HTMLElement>('Actions for selected notes', '[role="toolbar"]'))
    expect(dom.container.querySelector('.bulk-count')?.textContent).toBe('2 selected')
    return context
  }

  it('moves the selected notes to a notebook', async () => {
    const { work, stored } = await selectTwo()
    await act(async () => byName('Move to…')!.click())
    await act(async () => byName('Work', '[role^="menuitem"]')!.click())
    await until(() => toast().includes('Moved 2 notes to Work'))
    expect((await stored('Alpha')).notebookId).toBe(work.id)
    expect((await stored('Gamma')).notebookId).toBe(work.id)
    expect((await stored('Beta')).notebookId).toBe('inbox')
  })

  it('tags the selected notes', async () => {
    const { stored } = await selectTwo()
    await act(async () => byName('Add tag…')!.click())
    const field = dom.container.querySelector<HTMLInputElement>('.bulk-tag input')!
    await typeInto(field, 'q3')
    await press(field, 'Enter')
    await until(async () => (await stored('Gamma')).tags.includes('q3'))
    expect((await stored('Alpha')).tags).toEqual(['q3'])
    expect((await stored('Beta')).tags).toEqual([])
  })

  it('moves the selected notes to the Trash, leaving the others', async () => {
    const { stored } = await selectTwo()
    await act(async () => byName('Move to Trash', '.bulk-bar button')!.click())
    await until(() => toast().includes('2 notes moved to the Trash'))
    expect((await stored('Alpha')).trashedAt).not.toBeNull()
    expect((await stored('Gamma')).trashedAt).not.toBeNull()
    expect((await stored('Beta')).trashedAt).toBeNull()
    await until(() => rows().length === 1)
  })

  it('says why a move was refused and leaves the notes where they were', async () => {
    const { real, stored } = await selectTwo()
    vi.spyOn(real.api.notes, 'move').mockRejectedValueOnce(new Error('the disk is full'))
    await act(async () => byName('Move to…')!.click())
    await act(async () => byName('Work', '[role^="menuitem"]')!.click())
    await until(() => toast().includes('That did not work: the disk is full'))
    expect(dom.container.querySelector('.toast')?.className).toContain('is-error')
    expect((await stored('Alpha')).notebookId).toBe('inbox')
    expect(rows()).toHaveLength(3)
  })
})
