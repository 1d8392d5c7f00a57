import { act } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { realApiPerTest, type RealApi } from '../../../electron/core/test-support/real-api'
import { ApiContext } from '../../app/api-context'
import { byName, mountPerTest, press, supportDialogs, typeInto, until } from '../../test/dom'
import { BoardView } from './BoardView'

supportDialogs()
const dom = mountPerTest()
const openApi = realApiPerTest()

/** A board "Sales" with To do (two cards) and Done, on the real core, shown in a BoardView. */
async function setup() {
  const real = await openApi()
  const { api } = real
  const board = await api.boards.create({
    name: 'Sales',
    columns: [
      { name: 'To do', done: false },
      { name: 'Done', done: true },
    ],
  })
  const [todo, done] = board.columns
  await api.cards.add({ boardId: board.id, columnId: todo!.id, title: 'Call Kim', at: 'bottom' })
  await api.cards.add({ boardId: board.id, columnId: todo!.id, title: 'Send quote', at: 'bottom' })
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={api}>
        <BoardView boardId={board.id} openId={null} onOpen={vi.fn()} />
      </ApiContext.Provider>,
    ),
  )
  await until(() => cardsIn('To do').length === 2)
  return { real, board, todo: todo!, done: done! }
}

/** Card titles in a column, top to bottom, as the page shows them. */
const cardsIn = (column: string) => {
  const list = byName<HTMLElement>(`Cards in ${column}`, '[role="list"]')
  return [...(list?.querySelectorAll('.card-title') ?? [])].map((b) => b.textContent)
}
/** Card titles in a column as core has them (board order). */
async function storedIn(real: RealApi, boardId: string, columnId: string) {
  const cards = await real.api.boards.cards({ id: boardId })
  return cards.filter((c) => c.board?.columnId === columnId).map((c) => c.title)
}
async function choose(menu: string, item: string) {
  await act(async () => byName(menu)!.click())
  await act(async () => byName(item, '[role^="menuitem"]')!.click())
}
const alert = () => dom.container.querySelector('[role="alert"]')?.textContent

describe('BoardView', () => {
  it('adds cards at the bottom with Enter, keeping the field open for the next one', async () => {
    const { real, board, todo } = await setup()
    await act(async () => byName('Add a card – To do')!.click())
    const field = byName<HTMLTextAreaElement>('Title of the new card in To do', 'textarea')!
    await typeInto(field, 'Book demo')
    await press(field, 'Enter')
    await until(() => cardsIn('To do').length === 3)
    expect(cardsIn('To do')).toEqual(['Call Kim', 'Send quote', 'Book demo'])
    expect(field.value).toBe('')
    expect(document.activeElement).toBe(field)
    expect(await storedIn(real, board.id, todo.id)).toEqual(['Call Kim', 'Send quote', 'Book demo'])
  })

  it('adds a card at the top from the column header', async () => {
    const { real, board, todo } = await setup()
    await act(async () => byName('Add a card at the top of To do')!.click())
    const field = byName<HTMLTextAreaElement>('Title of the new card in To do', 'textarea')!
    await typeInto(field, 'Urgent')
    await press(field, 'Enter')
    await until(() => cardsIn('To do').length === 3)
    expect(cardsIn('To do')[0]).toBe('Urgent')
    expect((await storedIn(real, board.id, todo.id))[0]).toBe('Urgent')
  })

  it('shows why core refused a new card, keeps its title in the field, and shows no card for it', async () => {
    const { real } = await setup()
    vi.spyOn(real.api.cards, 'add').mockRejectedValueOnce(new Error('the disk is full'))
    await act(async () => byName('Add a card – To do')!.click())
    const field = byName<HTMLTextAreaElement>('Title of the new card in To do', 'textarea')!
    await typeInto(field, 'Book demo')
    await press(field, 'Enter')
    await until(() => alert())
    expect(alert()).toBe('Could not save: the disk is full')
    expect(dom.container.querySelectorAll('[role="alert"]')).toHaveLength(1)
    expect(field.value).toBe('Book demo')
    expect(cardsIn('To do')).toEqual(['Call Kim', 'Send quote'])
  })

  it('renames a column from its menu', async () => {
    const { real, board } = await setup()
    await choose('Actions for column To do', 'Rename')
    const field = byName<HTMLInputElement>('Rename column To do', 'input')!
    await typeInto(field, 'Leads')
    await act(async () => field.form!.requestSubmit())
    await until(() => byName<HTMLElement>('Cards in Leads', '[role="list"]'))
    const [stored] = await real.api.boards.list({})
    expect(stored!.columns.map((c) => c.name)).toEqual(['Leads', 'Done'])
    expect(stored!.id).toBe(board.id)
  })

  it('keeps a refused column name in the field with core’s reason', async () => {
    const { real } = await setup()
    await choose('Actions for column To do', 'Rename')
    const field = byName<HTMLInputElement>('Rename column To do', 'input')!
    // Longer than a column name may be: the page lets it through (maxLength is the field's), core says no.
    Reflect.set(field, 'maxLength', 1000)
    await typeInto(field, 'x'.repeat(101))
    await act(async () => field.form!.requestSubmit())
    await until(() => alert())
    expect(alert()).toMatch(/^That did not work: Invalid input for boards\.updateColumn: name/)
    expect(field.value).toBe('x'.repeat(101))
    expect((await real.api.boards.list({}))[0]!.columns[0]!.name).toBe('To do')
  })

  it('warns when a column holds more cards than its WIP limit', async () => {
    const { real } = await setup()
    await choose('Actions for column To do', 'Set WIP limit…')
    const field = byName<HTMLInputElement>('WIP limit for To do (0 for none)', 'input')!
    await typeInto(field, '1')
    await act(async () => field.form!.requestSubmit())
    const warning = await until(() => dom.container.querySelector('.wip-warning[role="status"]'))
    expect(warning.textContent).toBe('Over the limit: 2 of 1')
    expect((await real.api.boards.list({}))[0]!.columns[0]!.wipLimit).toBe(1)
  })

  it('marks a column as a done column from its menu, and core marks its cards done', async () => {
    const { real, board, todo } = await setup()
    const section = byName('Cards in To do', '[role="list"]')!.closest('section')!
    expect(byName('Done column', '[role="img"]', section)).toBeUndefined()
    await choose('Actions for column To do', 'Mark as done column')
    await until(() => byName('Done column', '[role="img"]', section))
    const stored = (await real.api.boards.list({}))[0]!
    expect(stored.columns.find((c) => c.id === todo.id)!.done).toBe(true)
    const cards = await real.api.boards.cards({ id: board.id })
    expect(cards.map((c) => [c.title, c.doneAt !== null])).toEqual([
      ['Call Kim', true],
      ['Send quote', true],
    ])
    // The menu now offers the way back.
    await act(async () => byName('Actions for column To do')!.click())
    expect(byName('Not a done column', '[role^="menuitem"]')).toBeDefined()
  })

  it('deletes a column, moving its cards to the column picked in the dialog', async () => {
    const { real, board, done } = await setup()
    await choose('Actions for column To do', 'Delete column…')
    const dialog = await until(() => dom.container.querySelector<HTMLDialogElement>('dialog[open]'))
    expect(dialog.textContent).toContain('It holds 2 cards. Where should they go?')
    const moveToDone = [...dialog.querySelectorAll('label')].find((l) => l.textContent === 'Move to Done')
    await act(async () => moveToDone!.querySelector('input')!.click())
    await act(async () => byName('Delete column', 'button', dialog)!.click())
    await until(() => cardsIn('Done').length === 2)
    expect(byName('Cards in To do', '[role="list"]')).toBeUndefined()
    expect(await storedIn(real, board.id, done.id)).toEqual(['Call Kim', 'Send quote'])
    // The done column's rule comes from core: cards moved into it are done.
    expect((await real.api.boards.cards({ id: board.id })).every((c) => c.doneAt)).toBe(true)
  })

  it('deleting a column can take its cards off the board, keeping the notes', async () => {
    const { real, board } = await setup()
    await choose('Actions for column To do', 'Delete column…')
    const dialog = await until(() => dom.container.querySelector<HTMLDialogElement>('dialog[open]'))
    const off = [...dialog.querySelectorAll('label')].find((l) => l.textContent?.startsWith('Take them off'))
    await act(async () => off!.querySelector('input')!.click())
    await act(async () => byName('Delete column', 'button', dialog)!.click())
    await until(() => !byName('Cards in To do', '[role="list"]'))
    expect(await real.api.boards.cards({ id: board.id })).toEqual([])
    const notes = await real.api.notes.list({})
    expect(notes.map((n) => [n.title, n.board]).sort()).toEqual([
      ['Call Kim', null],
      ['Send quote', null],
    ])
  })
})
