import type { Locator, Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { BoardPage, coreCall, type Board, type Note } from '../pages/board-page'

/** The colour an element's text is drawn in, and the app's error colour, both as the browser computes them. */
async function colours(page: Page, element: Locator) {
  const text = await element.evaluate((el) => getComputedStyle(el).color)
  const danger = await page.evaluate(() => {
    const probe = document.createElement('span')
    probe.style.color = 'var(--danger)'
    document.body.append(probe)
    const value = getComputedStyle(probe).color
    probe.remove()
    return value
  })
  return { text, danger }
}

// "In 2 hours" stays today only when the day has two hours left: the core's clock starts at 9:00, and the
// page shows times in the zone the core (this process) reads phrases in.
const START = '2030-06-03T09:00:00Z'
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone })

test.describe('the Follow-ups view', () => {
  test.describe.configure({ timeout: 90_000 })

  test('confirmations are not red, the sidebar highlights one place, and its count lines up', async ({
    page,
    preview,
    fu,
    controls,
  }) => {
    await controls.clock({ to: START })
    const call = coreCall(preview)
    const note = await call<Note>('notes.create', { title: 'Call Acme about the renewal' })
    await call('followups.set', { id: note.id, phrase: 'in 2 hours' })
    await call<Board>('boards.create', { name: 'Pipeline', columns: [{ name: 'To do', done: false }] })

    const nav = page.getByRole('navigation')
    const current = nav.locator('[aria-current="page"]')
    await new BoardPage(page).open(preview.url)
    await expect(current).toHaveCount(1)

    await fu.openView()
    await expect(current).toHaveCount(1)
    await expect(current).toHaveAccessibleName(/^Follow-ups/)

    // Its count sits where the other entries' counts do.
    const followCount = (await fu.navButton.locator('.nav-count').boundingBox())!
    const allCount = (await nav
      .getByRole('button', { name: /^All notes/ })
      .locator('.nav-count')
      .boundingBox())!
    expect(Math.abs(followCount.x + followCount.width - (allCount.x + allCount.width))).toBeLessThanOrEqual(1)

    // "Done" is confirmed in plain text, not in the error colour.
    await fu.section('Today').getByRole('button', { name: /^Done/ }).first().click()
    const said = fu.view.getByRole('status').getByText('“Call Acme about the renewal” is done.')
    await expect(said).toBeVisible()
    const { text, danger } = await colours(page, said)
    expect(text).not.toBe(danger)

    // A board is the one place highlighted while it is open.
    await new BoardPage(page).openBoard('Pipeline')
    await expect(current).toHaveCount(1)
    await expect(current).toHaveAccessibleName('Pipeline')
  })
})
