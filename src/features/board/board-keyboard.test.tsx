import { act } from 'react'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../../electron/core/test-support/real-api'
import { ApiContext } from '../../app/api-context'
import { byName, mountPerTest, press, until } from '../../test/dom'
import { BoardView } from './BoardView'

const dom = mountPerTest()
const openApi = realApiPerTest()

/*
 * jsdom lays nothing out, and dnd-kit finds where a card goes from the boxes of the cards and columns.
 * This gives them the boxes a board has on screen: columns 300 px apart, cards 60 px apart in each.
 */
beforeAll(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function boardBox(this: Element) {
    const column = this.closest('.board-column')
    if (!column) return new DOMRect()
    const x = [...document.querySelectorAll('.board-column')].indexOf(column) * 300
    const cards = [...column.querySelectorAll('.board-card')]
    const card = this.closest('.board-card')
    // A column is as tall as its header and cards, as on screen (an empty one keeps room for a drop).
    if (!card) return new DOMRect(x, 0, 280, 100 + Math.max(cards.length, 1) * 60)
    return new DOMRect(x + 10, 100 + cards.indexOf(card) * 60, 260, 50)
  })
})
afterAll(() => vi.restoreAllMocks())

async function setup() {
  const { api } = await openApi()
  const board = await api.boards.create({
    name: 'Sales',
    columns: [
      { name: 'To do', done: false },
      { name: 'Done', done: true },
    ],
  })
  const [todo, done] = board.columns as [(typeof board.columns)[0], (typeof board.columns)[0]]
  for (const title of ['Call Kim', 'Send quote', 'Book demo'])
    await api.cards.add({ boardId: board.id, columnId: todo.id, title, at: 'bottom' })
  await act(async () =>
    dom.root.render(
      <ApiContext.Provider value={api}>
        <BoardView boardId={board.id} openId={null} onOpen={vi.fn()} />
      </ApiContext.Provider>,
    ),
  )
  await until(() => byName('Move card Book demo'))
  const inColumn = async (columnId: string) =>
    (await api.boards.cards({ id: board.id })).filter((c) => c.board?.columnId === columnId)
  return { api, board, todo, done, inColumn }
}

/** Picks the card up from its handle, presses the arrows, and drops it; each key as its own event. */
async function moveByKeyboard(title: string, arrows: string[]) {
  const handle = byName(`Move card ${title}`)!
  handle.focus()
  await press(handle, ' ', 'Space')
  // The sensor starts listening for the arrows on the next tick after the pick-up.
  await act(async () => new Promise((resolve) => setTimeout(resolve, 0)))
  for (const arrow of arrows) await press(document.activeElement ?? handle, arrow)
  await press(document.activeElement ?? handle, ' ', 'Space')
}

const spoken = () => [...document.querySelectorAll('[aria-live]')].map((r) => r.textContent).join(' ')

describe('moving a card with the keyboard', () => {
  it('Right moves it to the next column, where core marks it done', async () => {
    const { done, inColumn } = await setup()
    await moveByKeyboard('Call Kim', ['ArrowRight'])
    await until(async () => (await inColumn(done.id)).length === 1)
    const [moved] = await inColumn(done.id)
    expect(moved!.title).toBe('Call Kim')
    expect(moved!.doneAt).not.toBeNull()
    expect(spoken()).toContain('Dropped card Call Kim in Done, position 1 of 1.')
  })

  it('Down moves it one place within its column, and the order is kept by core', async () => {
    const { todo, inColumn } = await setup()
    await moveByKeyboard('Call Kim', ['ArrowDown'])
    await until(() => spoken().includes('Dropped card Call Kim in To do, position 2 of 3.'))
    const titles = async () => (await inColumn(todo.id)).map((c) => c.title)
    await until(async () => (await titles())[0] === 'Send quote')
    expect(await titles()).toEqual(['Send quote', 'Call Kim', 'Book demo'])
  })
})
