import { act } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { App } from '../../app/App'
import { byName, mountPerTest, supportDialogs, typeInto, until } from '../../test/dom'

/** The sidebar's Boards section, in the whole window on the real core (its confirm dialog is the shell's). */
supportDialogs()
const dom = mountPerTest()
const openApi = realApiPerTest()
beforeEach(() => sessionStorage.clear())

async function setup() {
  const real = await openApi()
  await act(async () => dom.root.render(<App api={real.api} />))
  await until(() => byName('Add board'))
  return real
}
async function submit(label: string, value: string) {
  const field = await until(() => byName<HTMLInputElement>(label, 'input'))
  await typeInto(field, value)
  await act(async () => field.form!.requestSubmit())
}
async function choose(menu: string, item: string) {
  await act(async () => byName(menu)!.click())
  await act(async () => byName(item, '[role^="menuitem"]')!.click())
}
const heading = () => dom.container.querySelector('h1')?.textContent

describe('Boards in the sidebar', () => {
  it('adds a board with To do, Waiting and a done column, and opens it', async () => {
    const real = await setup()
    await act(async () => byName('Add board')!.click())
    await submit('Board name', 'Q3 deals')
    await until(() => heading() === 'Q3 deals')
    const [board] = await real.api.boards.list({})
    expect(board!.columns.map((c) => [c.name, c.done])).toEqual([
      ['To do', false],
      ['Waiting', false],
      ['Done', true],
    ])
    expect(byName('Q3 deals', '.nav-item')!.getAttribute('aria-current')).toBe('page')
  })

  it('renames a board from its menu', async () => {
    const real = await setup()
    await act(async () => byName('Add board')!.click())
    await submit('Board name', 'Sales')
    await until(() => byName('Actions for board Sales'))
    await choose('Actions for board Sales', 'Rename')
    await submit('Rename board Sales', 'Sales 2026')
    await until(() => byName('Sales 2026', '.nav-item'))
    expect((await real.api.boards.list({}))[0]!.name).toBe('Sales 2026')
  })

  it('archives a board under a toggle, and brings it back', async () => {
    const real = await setup()
    await act(async () => byName('Add board')!.click())
    await submit('Board name', 'Old project')
    await until(() => byName('Actions for board Old project'))
    await choose('Actions for board Old project', 'Archive')
    const toggle = await until(() => byName('Archived boards (1)'))
    expect((await real.api.boards.list({}))[0]!.archivedAt).not.toBeNull()
    await act(async () => toggle.click())
    await choose('Actions for board Old project', 'Unarchive')
    await until(() => !byName('Archived boards (1)'))
    expect((await real.api.boards.list({}))[0]!.archivedAt).toBeNull()
  })

  it('deletes a board after asking, keeping its cards’ notes, and leaves the board view', async () => {
    const real = await setup()
    await act(async () => byName('Add board')!.click())
    await submit('Board name', 'Doomed')
    await until(() => heading() === 'Doomed')
    const [board] = await real.api.boards.list({})
    const card = await real.api.cards.add({
      boardId: board!.id,
      columnId: board!.columns[0]!.id,
      title: 'Keep me',
      at: 'bottom',
    })
    await choose('Actions for board Doomed', 'Delete board…')
    const dialog = await until(() => dom.container.querySelector<HTMLDialogElement>('dialog[open]'))
    expect(dialog.textContent).toContain('Delete “Doomed”?')
    expect(dialog.textContent).toContain('Its 1 card is taken off the board. The note itself is kept.')
    await act(async () => byName('Delete board', 'button', dialog)!.click())
    await until(async () => (await real.api.boards.list({})).length === 0)
    expect((await real.api.notes.get({ id: card.id })).board).toBeNull()
    await until(() => heading() !== 'Doomed')
    expect(byName('Doomed', '.nav-item')).toBeUndefined()
  })
})
