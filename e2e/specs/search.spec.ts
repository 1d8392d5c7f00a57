import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { NotesPage } from '../pages/notes-page'

const paragraph = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

/** Seeds notes through the real core, as another window or the CLI would. */
async function seed(page: Page, notes: { title: string; text: string }[]) {
  for (const note of notes) {
    await page.evaluate((n) => window.tickler.notes.create({ title: n.title, doc: n.doc }), {
      title: note.title,
      doc: paragraph(note.text),
    })
  }
}

/** Names of the ranges the CSS Custom Highlight API marks inside the open note. */
const highlightedInNote = (page: Page) =>
  page.evaluate(() => {
    const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      'search-match',
    )
    return highlight ? [...highlight].map((range) => range.toString()) : []
  })

test.describe('search', () => {
  // The preview runs the real core and its search worker; on a busy shared machine that can be slow.
  test.slow()
  test.use({ actionTimeout: 20_000 })
  test('results appear as you type, highlighted, and open with the matches marked in the note', async ({
    page,
    notes,
  }) => {
    await seed(page, [
      { title: 'Quarterly budget review', text: 'Follow up with finance about the Budget numbers for Q3.' },
      { title: 'Team lunch', text: 'Book a table for Friday.' },
    ])

    await page.keyboard.press('ControlOrMeta+Shift+f')
    const box = page.getByRole('combobox', { name: 'Search' })
    await expect(box).toBeFocused()
    // The empty palette teaches the syntax.
    await expect(page.getByText('"board meeting"')).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('search-empty-light.png') })

    await box.pressSequentially('budg')
    const results = page.getByRole('listbox', { name: 'Search results' })
    const hit = results.getByRole('option', { name: /Quarterly budget review/ })
    await expect(hit).toBeVisible({ timeout: 20_000 })
    await expect(results.getByRole('option')).toHaveCount(1)
    await expect(hit.locator('mark').first()).toHaveText(/^budget$/i)
    await expect(hit.locator('mark')).toHaveCount(2) // title and snippet
    await page.screenshot({ path: test.info().outputPath('search-results-light.png') })

    await box.press('Enter')
    await expect(notes.title).toHaveValue('Quarterly budget review')
    await expect.poll(() => highlightedInNote(page)).toEqual(['Budget'])
    await page.screenshot({ path: test.info().outputPath('search-opened-light.png') })
  })

  test('a Korean query finds a note by a word inside a longer word', async ({ page, preview }) => {
    const notes = new NotesPage(page)
    await notes.open(`${preview.url}&theme=dark`)
    await seed(page, [
      { title: '고객사 미팅', text: '미팅 후 후속조치를 정리해서 금요일까지 회신하기로 했다.' },
      { title: '점심 약속', text: '금요일 점심은 팀과 함께' },
    ])
    await page.getByRole('button', { name: 'Search' }).click()
    const box = page.getByRole('combobox', { name: 'Search' })
    await box.fill('조치')
    const hit = page
      .getByRole('listbox', { name: 'Search results' })
      .getByRole('option', { name: /고객사 미팅/ })
    await expect(hit).toBeVisible({ timeout: 20_000 })
    await expect(hit.locator('mark')).toHaveText('조치')
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveCount(1)
    await page.screenshot({ path: test.info().outputPath('search-korean-dark.png') })
    await box.press('ArrowDown') // one hit: wraps onto itself
    await box.press('Enter')
    await expect(notes.title).toHaveValue('고객사 미팅')
    await expect.poll(() => highlightedInNote(page)).toEqual(['조치'])
    await page.screenshot({ path: test.info().outputPath('search-opened-dark.png') })
  })

  test('says which parts of a query it could not use', async ({ app: page }) => {
    await seed(page, [{ title: 'Sprint plan', text: 'Tasks for the sprint' }])
    await page.keyboard.press('ControlOrMeta+Shift+f')
    await page.getByRole('combobox', { name: 'Search' }).fill('sprint due:someday')
    await expect(
      page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: /Sprint plan/ }),
    ).toBeVisible({ timeout: 20_000 })
    await expect(page.getByText('Not used: due:someday (due: knows overdue, today and week)')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByRole('dialog', { name: 'Search notes' })).toHaveCount(0)
  })

  test('a search saved from the palette stays in the sidebar, runs again from there, and can be removed', async ({
    app: page,
  }) => {
    await seed(page, [
      { title: '견적서 — Acme', text: '후속조치를 금요일까지 보낸다.' },
      { title: 'Lunch menu', text: 'kimbap and soup' },
    ])
    await page.keyboard.press('ControlOrMeta+Shift+f')
    const box = page.getByRole('combobox', { name: 'Search' })
    await box.fill('조치')
    const results = page.getByRole('listbox', { name: 'Search results' })
    await expect(results.getByRole('option')).toHaveCount(1)
    await page.getByRole('button', { name: 'Save search' }).click()
    const name = page.getByRole('textbox', { name: 'Name for this search' })
    await expect(name).toHaveValue('조치')
    await name.fill('Quotes to chase')
    await name.press('Enter')
    await expect(
      page.getByRole('status').filter({ hasText: 'Saved as “Quotes to chase” in the sidebar.' }),
    ).toBeVisible()
    await box.press('Escape')

    await page.reload()
    const nav = page.getByRole('navigation')
    await nav.getByRole('button', { name: 'Quotes to chase', exact: true }).click()
    await expect(box).toHaveValue('조치')
    await expect(results.getByRole('option')).toHaveCount(1)
    await expect(results.getByRole('option')).toContainText('견적서 — Acme')
    await box.press('Escape')

    await nav.getByRole('button', { name: 'Actions for the saved search Quotes to chase' }).click()
    await page.getByRole('menuitem', { name: 'Remove saved search' }).click()
    await expect(nav.getByRole('button', { name: 'Quotes to chase', exact: true })).toHaveCount(0)
    await expect(nav.getByText('Save a search from the search box to keep it here.')).toBeVisible()
  })
})
