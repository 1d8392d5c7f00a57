import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board, type Note } from '../pages/board-page'

test.describe('boards in the browser preview', () => {
  // Two cores share this machine with other test runs; drags and durable saves get slow under load.
  test.describe.configure({ timeout: 90_000 })

  test('create a board, add columns and cards, drag with mouse and keyboard, reload keeps the order', async ({ page, preview }) => {
    const board = new BoardPage(page)
    await board.open(preview.url)
    await board.createBoard('Launch')
    for (const name of ['To do', 'Waiting', 'Done']) await expect(board.column(name)).toBeVisible()
    await board.addColumn('Review')
    await board.addCards('To do', ['Write brief', 'Call printer', 'Book venue'])
    expect(await board.titles('To do')).toEqual(['Write brief', 'Call printer', 'Book venue'])

    // Mouse: "Write brief" into the empty Waiting column.
    await board.dragWithMouse('Write brief', board.column('Waiting'))
    await expect.poll(() => board.titles('Waiting')).toEqual(['Write brief'])
    expect(await board.titles('To do')).toEqual(['Call printer', 'Book venue'])

    // Keyboard: "Call printer" one place down, announced to screen readers.
    await board.dragWithKeyboard('Call printer', ['ArrowDown'])
    await expect.poll(() => board.titles('To do')).toEqual(['Book venue', 'Call printer'])
    await expect(page.locator('[id^="DndLiveRegion"]')).toContainText('Dropped card Call printer in To do, position 2 of 2')

    // Escape cancels a keyboard move.
    await board.dragWithKeyboard('Book venue', [])
    await board.handle('Book venue').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Escape')
    await expect.poll(() => board.titles('To do')).toEqual(['Book venue', 'Call printer'])

    await page.waitForTimeout(300) // let the last save land before reloading
    await page.reload()
    await board.openBoard('Launch')
    await expect.poll(() => board.titles('To do')).toEqual(['Book venue', 'Call printer'])
    expect(await board.titles('Waiting')).toEqual(['Write brief'])
    await expect(board.column('Review')).toBeVisible()
  })

  test('moving a card to Done ends its follow-up; moving it back reopens it', async ({ page, preview }) => {
    const call = coreCall(preview)
    const b = await call<Board>('boards.create', {
      name: 'Sales',
      columns: [{ name: 'To do', done: false }, { name: 'Waiting', done: false }, { name: 'Done', done: true }],
    })
    const card = await call<Note>('cards.add', { boardId: b.id, columnId: b.columns[1]!.id, title: 'Chase ACME', at: 'bottom' })
    await call('followups.set', { id: card.id, phrase: 'tomorrow 9am' })
    const board = new BoardPage(page)
    await board.open(preview.url)
    await board.openBoard('Sales')
    await expect(board.column('Waiting').getByText(/^Upcoming ·/)).toBeVisible()

    await board.dragWithKeyboard('Chase ACME', ['ArrowRight'])
    await expect.poll(() => board.titles('Done')).toEqual(['Chase ACME'])
    await expect.poll(async () => (await call<Note>('notes.get', { id: card.id })).followUp).toBeNull()
    const done = await call<Note>('notes.get', { id: card.id })
    expect(done.doneAt).not.toBeNull()
    await expect(board.column('Done').getByRole('list').getByText('Done', { exact: true })).toBeVisible()
    const view = await call<{ counts: { upcoming: number } }>('followups.view', {})
    expect(view.counts.upcoming).toBe(0)

    await board.dragWithMouse('Chase ACME', board.column('To do'))
    await expect.poll(() => board.titles('To do')).toEqual(['Chase ACME'])
    await expect.poll(async () => (await call<Note>('notes.get', { id: card.id })).doneAt).toBeNull()
  })

  test('open a card and edit the note; an edit from the notes view shows on the card', async ({ page, preview }) => {
    const call = coreCall(preview)
    const b = await call<Board>('boards.create', { name: 'Home', columns: [{ name: 'To do', done: false }, { name: 'Done', done: true }] })
    const card = await call<Note>('cards.add', { boardId: b.id, columnId: b.columns[0]!.id, title: 'Fix the gate', at: 'bottom' })
    const task = (text: string, checked: boolean) => ({ type: 'taskItem', attrs: { checked }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
    await call('notes.update', { id: card.id, doc: { type: 'doc', content: [{ type: 'taskList', content: [task('Buy hinge', true), task('Paint', false)] }] } })
    const board = new BoardPage(page)
    await board.open(preview.url)
    await board.openBoard('Home')
    await expect(board.column('To do').getByRole('img', { name: '1 of 2 checklist items done' })).toBeVisible()

    await board.card('Fix the gate').click()
    const title = page.getByRole('textbox', { name: 'Title', exact: true })
    await expect(title).toHaveValue('Fix the gate')
    await title.fill('Fix the garden gate')
    await expect(board.card('Fix the garden gate')).toBeVisible({ timeout: 10_000 })
    // The close button is really clickable (nothing floats over it) and hands the width back to the board.
    await page.getByRole('button', { name: 'Close card' }).click()
    await expect(title).toBeHidden()
    await board.card('Fix the garden gate').click()
    await expect(title).toHaveValue('Fix the garden gate')

    // The same note, edited from the notes view.
    await page.getByRole('button', { name: 'All notes' }).click()
    await page.getByRole('listbox', { name: 'Notes' }).getByRole('option').filter({ hasText: 'Fix the garden gate' }).click()
    await expect(title).toHaveValue('Fix the garden gate')
    await title.fill('Fix the gate before winter')
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible({ timeout: 10_000 })
    await board.openBoard('Home')
    await expect(board.card('Fix the gate before winter')).toBeVisible()
  })
})
