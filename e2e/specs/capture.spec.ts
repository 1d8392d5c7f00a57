import { expect, test } from '../fixtures'
import { CapturePage } from '../pages/capture-page'
import { KoreanIme } from '../pages/ime'

// Thursday 6 March 2025, midday UTC: a Thursday in every zone the runner might use.
const THURSDAY = new Date('2025-03-06T12:00:00Z')

test.describe('quick capture in the browser preview', () => {
  // Every keystroke asks core for a fresh reading; on a loaded machine that needs more than the default.
  test.slow()
  test.beforeEach(async ({ page, preview }) => {
    preview.backend.testing?.clock.set(THURSDAY)
    // The page's "this year" too, so dates read as they do on that Thursday (no year for 2025's).
    await page.clock.setFixedTime(THURSDAY)
  })

  test('tags and an English follow-up phrase make the right note', async ({ page, preview }) => {
    const capture = new CapturePage(page)
    await capture.open(preview)
    await expect(capture.field).toBeFocused()
    await capture.field.fill('Call Kim about the quote #sales fri 10am')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.insertText('Prices in the #q3 sheet')
    await expect(capture.followUp).toContainText(/Follow-up: Fri, Mar 7,? 10:00/)
    await page.screenshot({ path: test.info().outputPath('capture-followup.png') })

    await page.keyboard.press('Enter')
    await expect(capture.status).toContainText('Saved to Inbox · follow-up')
    await expect(capture.field).toHaveValue('')
    const [note, ...rest] = await capture.notes()
    expect(rest).toEqual([])
    expect(note).toMatchObject({
      title: 'Call Kim about the quote',
      text: 'Prices in the #q3 sheet',
      tags: ['sales', 'q3'],
      notebookId: 'inbox',
      followUp: { dueAt: expect.stringMatching(/^2025-03-07T10:00:00/), attempt: 1 },
    })
  })

  test('a Korean phrase and Korean tag, and the follow-up can be removed with one key', async ({
    page,
    preview,
  }) => {
    const capture = new CapturePage(page)
    await capture.open(preview, 'lang=ko')
    await capture.field.fill('견적 회신 확인 #견적 내일 오후 3시')
    await expect(capture.followUp).toContainText('후속 조치:')
    await capture.save.click()
    await expect(capture.status).toContainText('수신함에 저장 · 후속 조치')

    // The same phrase again, this time without its follow-up: Ctrl+Shift+Backspace removes it.
    await capture.field.fill('견적서 재발송 모레')
    await expect(capture.followUp).toBeVisible()
    await page.keyboard.press('Control+Shift+Backspace')
    await expect(capture.followUp).toBeHidden()
    await expect(page.getByText('후속 조치 없음')).toBeVisible()
    await page.keyboard.press('Enter')
    await expect(capture.status).toContainText('저장했습니다')

    const notes = await capture.notes()
    const quote = notes.find((n) => n.title === '견적 회신 확인')
    expect(quote).toMatchObject({
      tags: ['견적'],
      followUp: { dueAt: expect.stringMatching(/^2025-03-07T15:00:00/) },
    })
    expect(notes.find((n) => n.title === '견적서 재발송 모레')).toMatchObject({ followUp: null })
  })

  test('Escape keeps the draft until next time, and nothing is saved', async ({ page, preview }) => {
    const capture = new CapturePage(page)
    await capture.open(preview)
    await page.keyboard.insertText('Half a thought #idea')
    await page.keyboard.press('Shift+Enter')
    await page.keyboard.insertText('second line')
    await page.keyboard.press('Escape')
    await page.reload()
    await expect(capture.field).toHaveValue('Half a thought #idea\nsecond line')
    expect(await capture.notes()).toEqual([])
  })

  test('Enter while a Korean syllable is composing does not save, and the syllable survives', async ({
    page,
    preview,
  }) => {
    const capture = new CapturePage(page)
    await capture.open(preview)
    const cdp = await page.context().newCDPSession(page)
    const ime = await KoreanIme.attach(page)
    await page.keyboard.insertText('Memo ')
    await ime.compose([['ㅎ', '하', '한']])
    // Mid-composition of "글": Enter as the IME sends it (keyCode 229) commits the syllable only.
    for (const text of ['ㄱ', '그', '글']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: 1, selectionEnd: 1 })
    }
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'rawKeyDown',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 229,
    })
    await cdp.send('Input.insertText', { text: '글' })
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
    })
    await expect(capture.field).toHaveValue('Memo 한글')
    await page.waitForTimeout(300)
    expect(await capture.notes()).toEqual([])

    // The next Enter, outside composition, saves — with the last syllable.
    await page.keyboard.press('Enter')
    await expect(capture.status).toContainText('Saved')
    expect((await capture.notes()).map((n) => n.title)).toEqual(['Memo 한글'])
  })
})
