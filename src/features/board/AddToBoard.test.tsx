import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import type { Note } from '../../../electron/shared/model'
import { ApiContext } from '../../app/api-context'
import { byName, mountPerTest, until } from '../../test/dom'
import { AddToBoard } from './AddToBoard'

const dom = mountPerTest()
const openApi = realApiPerTest()

/** A note and two boards on the real core, with the note view's "Add to board" for the note. */
async function setup(options: { boards?: boolean } = {}) {
  const real = await openApi()
  const { api } = real
  const note = await api.notes.create({ title: 'Acme renewal' })
  if (options.boards !== false) {
    await api.boards.create({ name: 'Sales', columns: [{ name: 'Leads', done: false }] })
    await api.boards.create({
      name: 'Ops',
      columns: [
        { name: 'Backlog', done: false },
        { name: 'Doing', done: false },
      ],
    })
  }
  const changed: Note[] = []
  const beforeChange = vi.fn(async () => undefined)
  const render = (current: Note) =>
    act(async () =>
      dom.root.render(
        <ApiContext.Provider value={api}>
          <AddToBoard note={current} beforeChange={beforeChange} onChanged={(n) => changed.push(n)} />
        </ApiContext.Provider>,
      ),
    )
  await render(note)
  return { real, note, changed, beforeChange, render }
}

const select = (label: string) =>
  [...dom.container.querySelectorAll('label')]
    .find((l) => l.firstChild?.textContent === label)
    ?.querySelector('select') ?? null
async function pick(label: string, optionText: string) {
  const field = select(label)!
  const option = [...field.options].find((o) => o.textContent === optionText)!
  await act(async () => {
    field.value = option.value
    field.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

describe('Add to board', () => {
  it('puts the note on the chosen board and column, after saving the editor’s edits', async () => {
    const { real, note, changed, beforeChange, render } = await setup()
    await act(async () => byName('Add to board')!.click())
    await until(() => select('Board')?.options.length === 2)
    await pick('Board', 'Ops')
    // Another board starts at its first column.
    expect(select('Column')!.selectedOptions[0]!.textContent).toBe('Backlog')
    await pick('Column', 'Doing')
    const place = vi.spyOn(real.api.cards, 'place')
    await act(async () => byName('Add')!.click())
    await until(() => changed.length === 1)
    expect(beforeChange.mock.invocationCallOrder[0]).toBeLessThan(place.mock.invocationCallOrder[0]!)
    const stored = await real.api.notes.get({ id: note.id })
    const ops = (await real.api.boards.list({})).find((b) => b.name === 'Ops')!
    expect(stored.board).toMatchObject({ boardId: ops.id, columnId: ops.columns[1]!.id })
    expect(changed[0]!.board).toEqual(stored.board)
    expect(byName('Put “Acme renewal” on a board', '[role="dialog"]')).toBeUndefined()

    await render(changed[0]!)
    await until(() => byName<HTMLElement>('On Ops · Doing'))
  })

  it('takes a placed note off its board', async () => {
    const { real, note, render } = await setup()
    const [sales] = await real.api.boards.list({})
    const placed = await real.api.cards.place({
      id: note.id,
      boardId: sales!.id,
      columnId: sales!.columns[0]!.id,
    })
    await render(placed)
    await until(() => byName('On Sales · Leads'))
    await act(async () => byName('On Sales · Leads')!.click())
    // Opened on the board it is on.
    expect(select('Board')!.selectedOptions[0]!.textContent).toBe('Sales')
    await act(async () => byName('Take off board')!.click())
    await until(async () => (await real.api.notes.get({ id: note.id })).board === null)
    expect(await real.api.boards.cards({ id: sales!.id })).toEqual([])
  })

  it('says where boards come from when there are none', async () => {
    await setup({ boards: false })
    await act(async () => byName('Add to board')!.click())
    await until(() => dom.container.textContent?.includes('Create a board in the sidebar first.'))
    expect(select('Board')).toBeNull()
  })

  it('keeps the popup open with core’s reason when the placement is refused', async () => {
    const { real, note, changed } = await setup()
    await act(async () => byName('Add to board')!.click())
    await until(() => select('Board')?.options.length === 2)
    // The board is deleted elsewhere (another window, the CLI) while the popup is open.
    const [sales] = await real.api.boards.list({})
    await real.api.boards.delete({ id: sales!.id })
    await act(async () => byName('Add')!.click())
    const alert = await until(() => dom.container.querySelector('[role="alert"]'))
    expect(alert.textContent).toBe(`There is no board with id ${sales!.id}.`)
    expect(changed).toEqual([])
    expect((await real.api.notes.get({ id: note.id })).board).toBeNull()
    expect(byName<HTMLElement>('Put “Acme renewal” on a board', '[role="dialog"]')).toBeDefined()
  })
})
