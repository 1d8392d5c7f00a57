import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board } from '../pages/board-page'

test.describe('opening a board', () => {
  test.describe.configure({ timeout: 90_000 })

  test('opens with no card open, and an open card never hides a column that cannot be scrolled to', async ({
    page,
    preview,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    const call = coreCall(preview)
    await call('notes.create', { title: 'Meeting notes, not on any board' })
    const b = await call<Board>('boards.create', {
      name: 'Pipeline',
      columns: ['Lead', 'Quoted', 'Negotiating', 'Won', 'Done'].map((name) => ({ name, done: name === 'Done' })),
    })
    await call('cards.add', { boardId: b.id, columnId: b.columns[0]!.id, title: 'Hanbit portal', at: 'bottom' })

    const board = new BoardPage(page)
    await board.open(preview.url)
    await page.getByRole('listbox', { name: 'Notes' }).getByRole('option').filter({ hasText: 'Meeting notes' }).click()
    const title = page.getByRole('textbox', { name: 'Title', exact: true })
    await expect(title).toHaveValue('Meeting notes, not on any board')

    await board.openBoard('Pipeline')
    await expect(title).toBeHidden()
    await expect(page.getByRole('button', { name: 'Close card' })).toBeHidden()

    // A card opens beside the board; every column can still be reached and is not under the card.
    await board.card('Hanbit portal').click()
    await expect(title).toHaveValue('Hanbit portal')
    const done = board.column('Done')
    await done.scrollIntoViewIfNeeded()
    await expect(done).toBeInViewport({ ratio: 1 })
    const doneBox = (await done.boundingBox())!
    const pane = (await page.getByRole('main').boundingBox())!
    expect(doneBox.x + doneBox.width).toBeLessThanOrEqual(pane.x)

    // Back to the notes and to the board again: it opens with no card, as the first time.
    await page.getByRole('navigation').getByRole('button', { name: /^Inbox/ }).click()
    await board.openBoard('Pipeline')
    await expect(page.getByRole('button', { name: 'Close card' })).toBeHidden()
  })
})
