import { expect, test } from '../fixtures'
import { KoreanIme } from '../pages/ime'
import type { Page } from '@playwright/test'

/** Notes made through the app's own API before the page shows them (what a user had written earlier). */
async function seed(page: Page, titles: string[]) {
  await page.evaluate(async (list) => {
    for (const title of list) await window.tickler.notes.create({ title })
  }, titles)
  await page.reload()
}

const linkedFrom = (page: Page) => page.getByRole('region', { name: /Linked from/ })

test.describe('links between notes', () => {
  test.describe.configure({ timeout: 120_000 })

  test('inserted from the toolbar and by [[, opened by click and keyboard, renamed, listed as Linked from', async ({
    page,
    notes,
    editor,
  }) => {
    await seed(page, ['Kickoff agenda', '견적 요청 — 한빛'])
    await expect(notes.noteInList('Kickoff agenda')).toBeVisible()

    await notes.startNote('Plan')
    await page.keyboard.type('See ')

    // From the toolbar: a dialog with a search field over the titles.
    await editor.tool('Link to note').click()
    const dialog = page.getByRole('dialog', { name: 'Link to note' })
    await dialog.getByRole('combobox', { name: 'Search note titles' }).fill('kick')
    await expect(dialog.getByRole('option', { name: 'Kickoff agenda' })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await page.keyboard.press('Enter')
    await expect(dialog).toBeHidden()
    await expect(editor.body.getByRole('link', { name: 'Kickoff agenda' })).toBeVisible()

    // By typing [[ and Korean words: the popup lists the matches at the caret, arrows and Enter choose.
    await page.keyboard.type('and [[견적')
    const popup = page.getByRole('listbox', { name: 'Notes to link to' })
    await expect(popup.getByRole('option', { name: '견적 요청 — 한빛' })).toBeVisible()
    const caret = await editor.body.boundingBox()
    const box = (await popup.boundingBox())!
    expect(box.y).toBeGreaterThan(caret!.y)
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width)
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('Enter')
    await expect(popup).toBeHidden()
    await expect(editor.body.getByRole('link', { name: '견적 요청 — 한빛' })).toBeVisible()
    await expect(editor.body).not.toContainText('[[')

    // Escape closes the popup and leaves the words typed.
    await page.keyboard.type('[[zz')
    const none = page.getByText('No note matches “zz”.')
    await expect(none).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(none).toBeHidden()
    await expect(editor.body).toContainText('[[zz')
    await notes.expectSaved()

    // A click opens the target, which lists Plan as linking to it.
    await editor.body.getByRole('link', { name: 'Kickoff agenda' }).click()
    await expect(notes.title).toHaveValue('Kickoff agenda')
    await expect(linkedFrom(page).getByRole('button', { name: /Plan/ })).toBeVisible()

    // Renamed: the link in Plan reads the new title, and its stored title follows for exports.
    await notes.title.fill('Kickoff agenda v2')
    await notes.expectSaved()
    await linkedFrom(page).getByRole('button', { name: /Plan/ }).click()
    await expect(notes.title).toHaveValue('Plan')
    await expect(editor.body.getByRole('link', { name: 'Kickoff agenda v2' })).toBeVisible()
    await expect
      .poll(async () => JSON.stringify((await editor.storedNote('Plan'))?.doc))
      .toContain('"title":"Kickoff agenda v2"')

    // The keyboard: a focused link opens with Enter.
    await editor.body.getByRole('link', { name: '견적 요청 — 한빛' }).focus()
    await page.keyboard.press('Enter')
    await expect(notes.title).toHaveValue('견적 요청 — 한빛')
    await expect(linkedFrom(page).getByRole('button', { name: /Plan/ })).toBeVisible()

    // Removing the link takes Plan off the target's Linked from list.
    await page.evaluate(async () => {
      const list = await window.tickler.notes.list({})
      const plan = list.find((n) => n.title === 'Plan')!
      await window.tickler.notes.update({
        id: plan.id,
        doc: { type: 'doc', content: [{ type: 'paragraph' }] },
      })
    })
    // Still on the target: its list follows the change without reopening it.
    await expect(notes.title).toHaveValue('견적 요청 — 한빛')
    await expect(linkedFrom(page)).toBeHidden()
  })

  test('[[ opening under a resting pointer keeps the first row chosen: Enter links it, not the row under the pointer', async ({
    page,
    notes,
    editor,
  }) => {
    await seed(page, ['Oldest note', '중간 노트', 'Newest note'])
    await notes.startNote('Pointer')
    await page.keyboard.type('[[')
    const popup = page.getByRole('listbox', { name: 'Notes to link to' })
    const last = popup.getByRole('option', { name: 'Oldest note' })
    const spot = (await last.boundingBox())!
    await page.keyboard.press('Escape')
    await expect(popup).toBeHidden()
    // The pointer comes to rest where the last row will be, while no popup is there.
    await page.mouse.move(spot.x + spot.width / 2, spot.y + spot.height / 2)
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.type('[[')
    await expect(last).toBeVisible()
    await expect(popup.getByRole('option', { name: 'Newest note' })).toHaveAttribute('aria-selected', 'true')
    await expect(last).toHaveAttribute('aria-selected', 'false')
    await page.keyboard.press('Enter')
    await expect(editor.body.getByRole('link', { name: 'Newest note' })).toBeVisible()
    // A pointer that moves does choose.
    await page.keyboard.type('[[')
    await last.hover()
    await expect(last).toHaveAttribute('aria-selected', 'true')
  })

  test('[[ with a Korean IME keeps the syllables whole', async ({ page, notes, editor }) => {
    await seed(page, ['회의록'])
    const ime = await KoreanIme.attach(page)
    await notes.startNote('Minutes link')
    await page.keyboard.type('[[')
    await ime.composeSyllable(['ㅎ', '회'])
    await ime.composeSyllable(['ㅇ', '의'])
    const popup = page.getByRole('listbox', { name: 'Notes to link to' })
    await expect(popup.getByRole('option', { name: '회의록' })).toBeVisible()
    await expect(editor.body).toContainText('[[회의')
    await page.keyboard.press('Enter')
    await expect(editor.body.getByRole('link', { name: '회의록' })).toBeVisible()
  })

  test('a link to a deleted note says so and opens nothing', async ({ page, notes, editor }) => {
    await page.evaluate(async () => {
      await window.tickler.notes.create({
        title: 'Orphan',
        doc: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'noteLink', attrs: { id: 'gone-note', title: 'Old plan', label: null } }],
            },
          ],
        },
      })
    })
    await page.reload()
    await notes.openNote('Orphan')
    const link = editor.body.getByRole('link', { name: 'Old plan (note not found)' })
    await expect(link).toHaveAttribute('aria-disabled', 'true')
    // Disabled for assistive tech, so Playwright will not click it: the pointer's click, sent as the page gets it.
    await link.dispatchEvent('click')
    await link.focus()
    await page.keyboard.press('Enter')
    await expect(notes.title).toHaveValue('Orphan')
  })
})
