import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board } from '../pages/board-page'

test.describe('moving cards with the keyboard', () => {
  test.describe.configure({ timeout: 90_000 })

  test('ArrowRight and ArrowLeft go to the next column, ArrowUp and ArrowDown move within one', async ({
    page,
    preview,
  }) => {
    const call = coreCall(preview)
    const b = await call<Board>('boards.create', {
      name: 'Accounts',
      columns: [
        { name: 'To do', done: false },
        { name: 'Waiting', done: false },
        { name: 'Later', done: false },
      ],
    })
    const [todo, waiting] = b.columns
    for (const title of ['Hanbit quote', 'Call Kim', 'Send invoice', 'Book visit'])
      await call('cards.add', { boardId: b.id, columnId: todo!.id, title, at: 'bottom' })
    await call('cards.add', { boardId: b.id, columnId: waiting!.id, title: 'Portal access', at: 'bottom' })

    const board = new BoardPage(page)
    const live = page.locator('[id^="DndLiveRegion"]')
    await board.open(preview.url)
    await board.openBoard('Accounts')
    await expect(board.cards('To do')).toHaveCount(4)

    // From a column of four, the first ArrowRight leaves the column (it used to move within it).
    await board.dragWithKeyboard('Call Kim', ['ArrowRight'])
    await expect(live).toContainText('Dropped card Call Kim in Waiting, position 1 of 2')
    await expect.poll(() => board.titles('Waiting')).toEqual(['Call Kim', 'Portal access'])
    expect(await board.titles('To do')).toEqual(['Hanbit quote', 'Send invoice', 'Book visit'])

    // Two presses cross two columns, into an empty one.
    await board.dragWithKeyboard('Hanbit quote', ['ArrowRight', 'ArrowRight'])
    await expect(live).toContainText('Dropped card Hanbit quote in Later, position 1 of 1')
    await expect.poll(() => board.titles('Later')).toEqual(['Hanbit quote'])

    // ArrowLeft comes back; ArrowDown moves one place down its column.
    await board.dragWithKeyboard('Portal access', ['ArrowLeft'])
    await expect.poll(() => board.titles('To do')).toEqual(['Send invoice', 'Portal access', 'Book visit'])
    await board.dragWithKeyboard('Send invoice', ['ArrowDown'])
    await expect(live).toContainText('Dropped card Send invoice in To do, position 2 of 3')
    await expect.poll(() => board.titles('To do')).toEqual(['Portal access', 'Send invoice', 'Book visit'])
    await board.dragWithKeyboard('Book visit', ['ArrowUp', 'ArrowUp'])
    await expect.poll(() => board.titles('To do')).toEqual(['Book visit', 'Portal access', 'Send invoice'])

    // What was dropped is what was saved.
    await page.reload()
    await board.openBoard('Accounts')
    await expect.poll(() => board.titles('To do')).toEqual(['Book visit', 'Portal access', 'Send invoice'])
    expect(await board.titles('Waiting')).toEqual(['Call Kim'])
    expect(await board.titles('Later')).toEqual(['Hanbit quote'])
  })
})
