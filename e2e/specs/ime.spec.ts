import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { EditorPage } from '../pages/editor-page'
import { KoreanIme } from '../pages/ime'
import { NotesPage } from '../pages/notes-page'

/** 회의, 한글, 메모 as typed on a 2-set Korean keyboard. */
const WORDS = {
  회의: [
    ['ㅎ', '회'],
    ['ㅇ', '의'],
  ],
  한글: [
    ['ㅎ', '하', '한'],
    ['ㄱ', '그', '글'],
  ],
  메모: [
    ['ㅁ', '메'],
    ['ㅁ', '모'],
  ],
} as const

async function setUp(page: Page, url: string, title: string) {
  const notes = new NotesPage(page)
  const editor = new EditorPage(page)
  await notes.open(url)
  const ime = await KoreanIme.attach(page)
  await notes.startNote(title)
  return { notes, editor, ime }
}

// The paragraphs inside list items: a checklist item's checkbox has an accessible name, not text.
const items = (editor: EditorPage) => editor.body.locator('li p')

test.describe('Korean IME in the editor (TipTap #4108)', () => {
  // Typing through the real editor key by key is slow on a loaded machine; the steps, not the clock, are under test.
  test.describe.configure({ timeout: 120_000 })

  test('Enter pressed while the last syllable is composing splits the list item and keeps every syllable', async ({
    page,
    preview,
  }) => {
    const { notes, editor, ime } = await setUp(page, preview.url, 'IME list')
    await page.keyboard.type('- ')
    for (const word of ['회의', '한글', '메모'] as const) {
      const syllables = WORDS[word]
      await ime.compose(syllables.slice(0, -1))
      const last = syllables.at(-1)!
      await ime.startSyllable(last)
      // macOS order: Enter reaches the page while the syllable is still composing, then the IME commits it.
      await page.keyboard.press('Enter')
      await ime.commit(last.at(-1)!)
    }
    await expect(items(editor)).toHaveText(['회의', '한글', '메모', ''])

    await notes.expectSaved()
    await page.reload()
    await notes.openNote('IME list')
    await expect(items(editor)).toHaveText(['회의', '한글', '메모', ''])
    const stored = await editor.storedNote('IME list')
    expect(stored?.text.split(/\n+/)).toEqual(['회의', '한글', '메모'])
  })

  test('Enter right after the IME commits (Windows order) splits once, with nothing doubled', async ({
    page,
    preview,
  }) => {
    const { editor, ime } = await setUp(page, preview.url, 'IME windows')
    await page.keyboard.type('[ ] ')
    await ime.compose(WORDS.한글)
    await page.keyboard.press('Enter')
    await ime.compose(WORDS.메모)
    await expect(editor.body.getByRole('checkbox', { name: 'To do: 한글' })).toBeVisible()
    await expect(editor.body.getByRole('checkbox')).toHaveCount(2)
    await expect(items(editor)).toHaveText(['한글', '메모'])
  })

  test('Tab while composing indents the list item instead of leaving the editor', async ({
    page,
    preview,
  }) => {
    const { editor, ime } = await setUp(page, preview.url, 'IME tab')
    await page.keyboard.type('- ')
    await ime.compose(WORDS.회의)
    await page.keyboard.press('Enter')
    await ime.startSyllable(['ㅎ', '하', '한'])
    await page.keyboard.press('Tab')
    await ime.commit('한')
    await ime.compose([['ㄱ', '그', '글']])
    await expect(editor.body).toBeFocused()
    await expect(editor.body.locator('li li p')).toHaveText(['한글'])
    await expect(editor.body.locator('> ul > li > p')).toHaveText(['회의'])
  })

  test('autosave waits for a syllable to finish, and Backspace after it removes one syllable', async ({
    page,
    preview,
  }) => {
    const { notes, editor, ime } = await setUp(page, preview.url, 'IME save')
    await ime.compose(WORDS.한글)
    await ime.startSyllable(['ㅁ', '메'])
    // Longer than the autosave delay: a save now would store a half-built syllable.
    await page.waitForTimeout(900)
    await expect(notes.saveStatus).toHaveText('Edited')
    await ime.commit('메')
    await notes.expectSaved()
    expect((await editor.storedNote('IME save'))?.text).toBe('한글메')
    await page.keyboard.press('Backspace')
    await expect(editor.body).toHaveText('한글')
    await notes.expectSaved()
    expect((await editor.storedNote('IME save'))?.text).toBe('한글')
  })
})
