import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board, type Note } from '../pages/board-page'
import { NotesPage } from '../pages/notes-page'

test.describe('a reload returns to where the user was', () => {
  test.describe.configure({ timeout: 90_000 })

  test('the notebook and open note, the Follow-ups view, a board', async ({ page, preview }) => {
    const call = coreCall(preview)
    const clients = await call<{ id: string }>('notebooks.create', { name: 'Clients' })
    await call<Note>('notes.create', { notebookId: clients.id, title: 'Hanbit portal' })
    await call<Note>('notes.create', { notebookId: clients.id, title: 'Acme renewal' })
    await call<Board>('boards.create', { name: 'Pipeline', columns: [{ name: 'Lead', done: false }] })

    const notes = new NotesPage(page)
    await notes.open(preview.url)
    await page.getByRole('navigation').getByRole('button', { name: /^Clients/ }).click()
    await notes.openNote('Hanbit portal')
    await expect(notes.title).toHaveValue('Hanbit portal')

    await page.reload()
    await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
    await expect(notes.title).toHaveValue('Hanbit portal')
    await expect(page.getByRole('navigation').locator('[aria-current="page"]')).toHaveAccessibleName(/^Clients/)

    await page.getByRole('navigation').getByRole('button', { name: /^Follow-ups/ }).click()
    await page.reload()
    await expect(page.getByRole('region', { name: 'Follow-ups', exact: true })).toBeVisible()

    const board = new BoardPage(page)
    await board.openBoard('Pipeline')
    await page.reload()
    await expect(board.heading).toHaveText('Pipeline')
  })

  test('a note deleted since the last visit is simply not reopened', async ({ page, preview }) => {
    const call = coreCall(preview)
    const note = await call<Note>('notes.create', { title: 'Short-lived' })
    const notes = new NotesPage(page)
    await notes.open(preview.url)
    await notes.openNote('Short-lived')
    await expect(notes.title).toHaveValue('Short-lived')
    await call('notes.trash', { ids: [note.id] })
    await call('notes.deleteForever', { ids: [note.id] })

    await page.reload()
    await expect(page.getByText('Nothing open')).toBeVisible()
    await expect(page.getByRole('alert')).toHaveCount(0)
  })
})
