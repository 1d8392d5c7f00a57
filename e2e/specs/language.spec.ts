import { expect, test } from '../fixtures'

// An English system: "System" means English here.
test.use({ locale: 'en-US' })

test('Settings switches the language at once, remembers it across reloads and windows, and System goes back', async ({
  page,
  preview,
  browser,
  notes,
}) => {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  const language = dialog.getByRole('combobox', { name: 'Language' })
  await expect(language).toHaveValue('system')
  await expect(language.getByRole('option')).toHaveText(['System', 'English', '한국어'])

  await language.selectOption({ label: '한국어' })
  // At once, in the open dialog and behind it, with no reload.
  await expect(page.getByRole('dialog', { name: '설정' })).toBeVisible()
  const korean = page.getByRole('dialog', { name: '설정' }).getByRole('combobox', { name: '언어' })
  await expect(korean).toHaveValue('ko')
  await expect(page.getByRole('navigation').getByRole('button', { name: /^모든 노트/ })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko')
  await page.screenshot({ path: test.info().outputPath('settings-korean.png') })

  await page.reload()
  await expect(page.getByRole('button', { name: '새 노트', exact: true })).toBeVisible()

  // A fresh window (no stored copy in the browser) gets it from the library, as the native menus do.
  const other = await browser.newPage({ locale: 'en-US' })
  await other.goto(preview.url)
  await expect(other.getByRole('button', { name: '새 노트', exact: true })).toBeVisible()
  await other.close()

  await page.getByRole('button', { name: '설정', exact: true }).click()
  await page
    .getByRole('dialog', { name: '설정' })
    .getByRole('combobox', { name: '언어' })
    .selectOption('system')
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await expect(page.getByRole('navigation').getByRole('button', { name: /^All notes/ })).toBeVisible()
  await page.reload()
  await expect(notes.newNoteButton).toBeVisible()
})
