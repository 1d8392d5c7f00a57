import { expect, test } from '../fixtures'
import { KoreanIme } from '../pages/ime'

test.describe('the search shortcut', () => {
  test.describe.configure({ timeout: 90_000 })

  test('Ctrl+Shift+F opens search from anywhere, typing in a note included; Ctrl+K stays the link', async ({
    page,
    notes,
  }) => {
    const button = page.getByRole('button', { name: /^Search/ })
    await expect(button).toHaveAccessibleName('Search Ctrl+Shift+F')
    await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+F')

    const box = page.getByRole('combobox', { name: 'Search' })
    await notes.startNote('Hanbit portal')
    await page.keyboard.type('Ask about the portal')
    await notes.expectSaved()

    // While typing in the note: search opens, and nothing is typed into the note.
    await page.keyboard.press('ControlOrMeta+Shift+f')
    await expect(box).toBeFocused()
    await box.fill('portal')
    await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option')).toHaveText([
      /Hanbit portal/,
    ])
    await page.keyboard.press('Escape')
    await expect(box).toBeHidden()
    await expect(notes.body).toHaveText('Ask about the portal')

    // From the title field and from the note list.
    await notes.title.click()
    await page.keyboard.press('ControlOrMeta+Shift+f')
    await expect(box).toBeFocused()
    // It opens with the last query selected, ready to be typed over.
    await expect(box).toHaveValue('portal')
    await page.keyboard.press('Escape')
    await notes.noteInList('Hanbit portal').focus()
    await page.keyboard.press('ControlOrMeta+Shift+f')
    await expect(box).toBeFocused()
    await page.keyboard.press('Escape')

    // Ctrl+K in the note is the link dialog, never search.
    await notes.body.click()
    await page.keyboard.press('End')
    await page.keyboard.press('Shift+Home')
    await page.keyboard.press('ControlOrMeta+k')
    await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible()
    await expect(box).toBeHidden()
    await page.keyboard.press('Escape')

    // Korean typed through the IME, then the shortcut: the syllables stay in the note.
    const ime = await KoreanIme.attach(page)
    await page.keyboard.press('End')
    await page.keyboard.type(' ')
    await ime.composeSyllable(['ㄱ', '고'])
    await ime.composeSyllable(['ㄱ', '개', '객'])
    await page.keyboard.press('ControlOrMeta+Shift+f')
    await expect(box).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(notes.body).toHaveText('Ask about the portal 고객')
  })

  test('the button shows the same keys in Korean', async ({ page, preview }) => {
    await page.goto(`${preview.url}&lang=ko`)
    const button = page.getByRole('button', { name: /^검색/ })
    await expect(button).toHaveAccessibleName('검색 Ctrl+Shift+F')
    await page.keyboard.press('ControlOrMeta+Shift+f')
    await expect(page.getByRole('dialog', { name: '노트 검색' })).toBeVisible()
  })
})
