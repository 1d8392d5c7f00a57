import { readdir } from 'node:fs/promises'
import { expect, test } from '../fixtures'
import { HANGUL, KoreanIme } from '../pages/ime'

test.describe('notes in the browser preview', () => {
  test('a note typed partly through a Korean IME is saved and reopens exactly', async ({
    page,
    preview,
    notes,
  }) => {
    const compositions = await notes.recordCompositions()
    const ime = await KoreanIme.attach(page)

    await notes.createNote()
    await notes.title.click()
    await page.keyboard.type('Follow up with Kim ')
    await ime.compose(HANGUL)
    await expect(notes.title).toHaveValue('Follow up with Kim 한글')

    await notes.body.click()
    await page.keyboard.type('Send the ')
    await ime.compose(HANGUL)
    await page.keyboard.type(' manual by Friday')
    await expect(notes.body).toHaveText('Send the 한글 manual by Friday')

    // Four syllables, each composed and committed: the IME path was used, not plain key events.
    expect(await compositions()).toEqual({ start: 4, end: 4 })
    await notes.expectSaved()
    await page.screenshot({ path: test.info().outputPath('before-reload.png') })

    await page.reload()
    await expect(notes.noteInList('Follow up with Kim 한글')).toBeVisible()
    await notes.openNote('Follow up with Kim 한글')
    await expect(notes.body).toHaveText('Send the 한글 manual by Friday')
    await page.screenshot({ path: test.info().outputPath('after-reload.png') })

    // It reached the data folder the real core writes, not just the page's memory.
    expect((await readdir(preview.dataDir, { recursive: true })).length).toBeGreaterThan(0)
    const stored = await page.evaluate(async () => {
      const [summary] = await window.tickler.notes.list({})
      return summary && window.tickler.notes.get({ id: summary.id })
    })
    expect(stored).toMatchObject({ title: 'Follow up with Kim 한글', text: 'Send the 한글 manual by Friday' })
  })

  test('a cancelled composition leaves no stray jamo in the saved note', async ({ page, notes }) => {
    const ime = await KoreanIme.attach(page)
    await notes.startNote('Cancelled composition')
    await page.keyboard.type('Draft ')
    await ime.compose([['ㅎ', '하', '한']])
    // Start a syllable and abandon it: an empty composition is how Chromium cancels one.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: 'ㄱ', selectionStart: 1, selectionEnd: 1 })
    await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 })
    await expect(notes.body).toHaveText('Draft 한')
    await notes.expectSaved()

    await page.reload()
    await notes.openNote('Cancelled composition')
    await expect(notes.body).toHaveText('Draft 한')
  })
})
