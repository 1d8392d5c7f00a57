import { expect, test } from '../fixtures'
import { coreCall, type Board, type Note } from '../pages/board-page'
import type { Locator, Page } from '@playwright/test'

/** The window widths people use, from the narrowest Tickler supports. */
const WIDTHS = [900, 1024, 1280, 1440, 1920]
const HEIGHT = 760

/** Fails with the popup's name and box when any edge of it is outside the window. */
async function expectInside(page: Page, popup: Locator, what: string) {
  await expect(popup).toBeVisible()
  const box = (await popup.boundingBox())!
  const { width, height } = page.viewportSize()!
  const where = `${what} at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)} in ${width}×${height}`
  expect(box.x, where).toBeGreaterThanOrEqual(0)
  expect(box.y, where).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width, where).toBeLessThanOrEqual(width)
  expect(box.y + box.height, where).toBeLessThanOrEqual(height)
}

test.describe('menus and popups stay inside the window', () => {
  test.describe.configure({ timeout: 180_000 })

  test('at every width from 900 px: Add to board, the note and list menus, Export, Import, tags, links, columns', async ({
    page,
    preview,
  }) => {
    const call = coreCall(preview)
    const clients = await call<{ id: string }>('notebooks.create', { name: 'Clients' })
    await call<Board>('boards.create', {
      name: 'Pipeline',
      columns: ['Lead', 'Quoted', 'Negotiating', 'Won', 'Done'].map((name) => ({ name, done: name === 'Done' })),
    })
    await call<Note>('notes.create', { notebookId: clients.id, title: 'Older note', tags: ['hanbit', 'quote'] })
    await call<Note>('notes.create', {
      notebookId: clients.id,
      title: 'Hanbit portal',
      doc: {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A line long enough to reach the far right side of the note, portal' }] }],
      },
    })

    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT })
      await page.goto(preview.url)
      await page.getByRole('navigation').getByRole('button', { name: /^Clients \d/ }).click()
      await page.getByRole('listbox', { name: 'Notes' }).getByRole('option').filter({ hasText: 'Hanbit portal' }).click()
      await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Hanbit portal')

      await page.getByRole('button', { name: 'Add to board' }).click()
      const placing = page.getByRole('dialog', { name: 'Put “Hanbit portal” on a board' })
      await expectInside(page, placing, `Add to board (${width})`)
      await expectInside(page, placing.getByRole('button', { name: 'Add', exact: true }), `its Add button (${width})`)
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: 'Move note: Clients' }).click()
      await expectInside(page, page.getByRole('menu', { name: 'Move to notebook' }), `move menu (${width})`)
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: /^Sort notes/ }).click()
      await expectInside(page, page.getByRole('menu', { name: 'Sort notes' }), `sort menu (${width})`)
      await page.keyboard.press('Escape')

      await page.getByRole('navigation').getByRole('button', { name: 'Actions for Clients' }).click()
      await expectInside(page, page.getByRole('menu', { name: 'Actions for Clients' }), `notebook menu (${width})`)
      await page.keyboard.press('Escape')

      // A right-click near the bottom-right corner of the list.
      const older = page.getByRole('option').filter({ hasText: 'Older note' })
      const row = (await older.boundingBox())!
      await older.click({ button: 'right', position: { x: row.width - 6, y: 20 } })
      await expectInside(page, page.getByRole('menu', { name: 'Actions for selected notes' }), `row menu (${width})`)
      await page.keyboard.press('Escape')

      for (const name of ['Export', 'Import']) {
        await page.getByRole('button', { name, exact: true }).click()
        await expectInside(page, page.getByRole('list', { name: `${name} options` }), `${name} menu (${width})`)
        await page.keyboard.press('Escape')
      }

      await page.getByRole('combobox', { name: 'Tag name' }).fill('h')
      await expectInside(page, page.getByRole('listbox', { name: 'Tag suggestions' }), `tag suggestions (${width})`)
      await page.getByRole('combobox', { name: 'Tag name' }).fill('')

      // The link dialog for the last word of a line that reaches the note's right edge.
      const body = page.getByRole('textbox', { name: 'Note body', exact: true })
      await body.getByText(/portal$/).click()
      await page.keyboard.press('End')
      await page.keyboard.press('Control+Shift+ArrowLeft')
      await page.keyboard.press('ControlOrMeta+k')
      await expectInside(page, page.getByRole('dialog', { name: 'Link' }), `link dialog (${width})`)
      await page.keyboard.press('Escape')

      // The last column's menu, scrolled to on a board with a card open beside it.
      await page.getByRole('navigation').getByRole('button', { name: 'Pipeline', exact: true }).click()
      const done = page.getByRole('region', { name: 'Done', exact: true })
      await done.getByRole('button', { name: 'Actions for column Done' }).click()
      await expectInside(page, page.getByRole('menu', { name: 'Actions for column Done' }), `column menu (${width})`)
      await page.keyboard.press('Escape')
    }
  })
})
