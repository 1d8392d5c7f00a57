import { expect, test } from '../fixtures'
import type { EditorPage } from '../pages/editor-page'
import type { NotesPage } from '../pages/notes-page'

const LINE = '포털 안내: 고객 포털 바로가기'
const WORDS = '고객 포털'

/** A new note whose body is one line of text, with the caret at its end. */
async function noteWithLine(notes: NotesPage, editor: EditorPage) {
  await notes.startNote('Portal')
  await editor.page.keyboard.type(LINE)
  await expect(editor.body).toHaveText(LINE)
}

test.describe('the link dialog', () => {
  test('sits under the selected words, keeps them highlighted, and links exactly them', async ({
    page,
    notes,
    editor,
  }) => {
    await noteWithLine(notes, editor)
    // Select "고객 포털" with the keyboard: past " 바로가기" (5), then 5 more with Shift.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft')
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowLeft')
    await editor.tool('Link').click()

    const dialog = page.getByRole('dialog', { name: 'Link' })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText(`Links “${WORDS}”`)
    await expect(dialog.getByRole('textbox', { name: 'Link address' })).toBeFocused()
    // The words stay visibly marked while focus is in the form.
    const held = editor.body.locator('.link-target')
    await expect(held).toHaveText(WORDS)
    const words = (await held.boundingBox())!
    const box = (await dialog.boundingBox())!
    expect(box.y).toBeGreaterThanOrEqual(words.y + words.height)
    expect(box.y - (words.y + words.height)).toBeLessThan(24)
    expect(Math.abs(box.x - words.x)).toBeLessThan(Math.max(24, box.width))

    await dialog.getByRole('textbox').fill('hanbit.example.com/portal')
    await dialog.getByRole('button', { name: 'Apply' }).click()
    await expect(dialog).toBeHidden()
    await expect(editor.body.getByRole('link', { name: WORDS, exact: true })).toHaveAttribute(
      'href',
      'https://hanbit.example.com/portal',
    )
    await expect(editor.body).toHaveText(LINE)
    await expect(editor.body.locator('.link-target')).toHaveCount(0)
  })

  test('links the selection made just before Ctrl+K, even when the editor has not yet heard of it', async ({
    notes,
    editor,
  }) => {
    await noteWithLine(notes, editor)
    // A fast hand on a busy machine: the words are selected and Ctrl+K arrives in the same task, before the
    // browser has told the editor (selectionchange) that the selection moved.
    await editor.body.evaluate((body, words) => {
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
      let node: Node | null
      while ((node = walker.nextNode()) && !node.textContent!.includes(words));
      if (!node) throw new Error('text not found')
      const start = node.textContent!.lastIndexOf(words)
      document.getSelection()!.setBaseAndExtent(node, start, node, start + words.length)
      body.dispatchEvent(
        new KeyboardEvent('keydown', {
          key: 'k',
          code: 'KeyK',
          ctrlKey: true,
          bubbles: true,
          cancelable: true,
        }),
      )
    }, WORDS)
    await editor.fillUrlForm('Link', 'https://hanbit.example.com/portal')
    await expect(editor.body.getByRole('link', { name: WORDS, exact: true })).toBeVisible()
    await expect(editor.body).toHaveText(LINE)
  })

  test('Escape leaves the text as it was, with the words still selected; a caret inserts the address', async ({
    page,
    notes,
    editor,
  }) => {
    await noteWithLine(notes, editor)
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft')
    await page.keyboard.press('ControlOrMeta+k')
    const dialog = page.getByRole('dialog', { name: 'Link' })
    await dialog.getByRole('textbox').fill('example.com')
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(editor.body.getByRole('link')).toHaveCount(0)
    // The selection came back: typing replaces the four selected characters.
    await page.keyboard.type('홈페이지')
    await expect(editor.body).toHaveText('포털 안내: 고객 포털 홈페이지')

    await page.keyboard.press('End')
    await page.keyboard.type(' ')
    await page.keyboard.press('ControlOrMeta+k')
    await expect(dialog).toContainText('Adds the address as a link at the cursor.')
    await editor.fillUrlForm('Link', 'example.com')
    await expect(editor.body.getByRole('link', { name: 'https://example.com' })).toBeVisible()
    await expect(editor.body).toHaveText('포털 안내: 고객 포털 홈페이지 https://example.com')
  })
})
