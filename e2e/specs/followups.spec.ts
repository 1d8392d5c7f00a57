import { expect, test } from '../fixtures'
import { formatInPage } from '../pages/followups-page'
import type { NotesPage } from '../pages/notes-page'

const DAY = 86_400_000
// The preview's core runs in this process, so the page shows times in the zone core parses phrases in.
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone })
// Playwright runs share two busy cores with other work; the flows below are long but never sleep.
test.describe.configure({ timeout: 120_000 })
const START = '2030-06-03T09:00:00Z'
test.use({ startAt: START })

const storedFollowUp = (notes: NotesPage) =>
  notes.page.evaluate(async () => {
    const [summary] = await window.tickler.notes.list({})
    const note = summary && (await window.tickler.notes.get({ id: summary.id }))
    return note ? { id: note.id, followUp: note.followUp, doneAt: note.doneAt } : null
  })

test.describe('follow-ups in the browser preview', () => {
  test('a Korean phrase is shown before saving, then the follow-up is listed, notified once and done', async ({
    page,
    notes,
    fu,
    controls,
  }) => {
    const start = new Date(START)
    await notes.createSavedNote('Quote for Kim 견적')

    await fu.button('Set follow-up').click()
    await fu.phrase.fill('내일 오후 3시')
    const parsed = await page.evaluate(() => window.tickler.followups.parse({ phrase: '내일 오후 3시' }))
    if (!parsed.ok) throw new Error(`core could not read the phrase: ${parsed.message}`)
    expect(new Date(parsed.dueAt).getTime() - start.getTime()).toBeGreaterThan(DAY / 2)
    const when = await formatInPage(page, parsed.dueAt)
    await expect(fu.form.getByText(`Will follow up ${when}`)).toBeVisible()
    // Shown, not saved: the note has no follow-up until the user confirms.
    expect((await storedFollowUp(notes))?.followUp).toBeNull()

    await fu.form.getByRole('textbox', { name: 'Waiting on (optional)' }).fill('Kim')
    await fu.form.getByRole('button', { name: 'Save follow-up' }).click()
    await expect(fu.form).toBeHidden()
    await expect(fu.bar.getByText(`Follow up ${when}`)).toBeVisible()
    await expect(fu.bar.getByText('Waiting on Kim')).toBeVisible()
    const saved = await storedFollowUp(notes)
    expect(Date.parse(saved!.followUp!.dueAt)).toBe(Date.parse(parsed.dueAt))

    // The note list shows the badge on the note's row.
    const row = notes.noteInList('Quote for Kim 견적')
    await expect(row.getByRole('img', { name: `Follow-up ${when}` })).toBeVisible()

    await fu.openView()
    await expect(fu.section('Upcoming')).toHaveAccessibleName('Upcoming 1')
    await expect(fu.section('Overdue')).toHaveAccessibleName('Overdue 0')
    await expect(fu.section('Waiting on')).toHaveAccessibleName('Waiting on 1')
    await expect(fu.section('Waiting on').getByRole('heading', { name: 'Kim' })).toBeVisible()
    await expect(fu.section('Upcoming').getByRole('button', { name: /^Quote for Kim 견적/ })).toBeVisible()
    expect(await controls.notifications()).toEqual([])

    // Move core's clock a minute past the due time: the follow-up is delivered once, as the OS would show it.
    const coreNow = await controls.clock({ advanceMs: 0 })
    await controls.clock({ advanceMs: Date.parse(parsed.dueAt) - coreNow.getTime() + 60_000 })
    await expect
      .poll(() => controls.notifications(), { timeout: 15_000 })
      .toEqual([
        {
          kind: 'single',
          item: expect.objectContaining({
            noteId: saved!.id,
            title: 'Quote for Kim 견적',
            waitingOn: 'Kim',
            attempt: 1,
          }),
        },
      ])
    await expect(fu.section('Overdue')).toHaveAccessibleName('Overdue 1', { timeout: 15_000 })
    await expect(fu.navButton).toHaveAccessibleName(/1 due/)
    // A second check at the same time delivers nothing new.
    await controls.clock({ advanceMs: 1_000 })
    expect(await controls.notifications()).toHaveLength(1)

    // Done from the note removes it from the view and the list.
    await fu
      .section('Overdue')
      .getByRole('button', { name: /^Quote for Kim 견적/ })
      .click()
    await expect(notes.title).toHaveValue('Quote for Kim 견적')
    await fu.button('Done').click()
    await expect(fu.bar.getByText(/^Done /)).toBeVisible()
    await expect(fu.button('Reopen')).toBeVisible()
    await expect(fu.section('Overdue')).toHaveAccessibleName('Overdue 0')
    await expect(fu.section('Waiting on')).toHaveAccessibleName('Waiting on 0')
    await expect(fu.section('Recently done')).toHaveAccessibleName('Recently done 1')
    expect((await storedFollowUp(notes))?.followUp).toBeNull()
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /^All notes/ })
      .click()
    await expect(row).toBeVisible()
    await expect(row.getByRole('img')).toHaveCount(0)
  })

  test('a morning list is worked through from the rows: snooze, log along the cadence, done, reopen', async ({
    page,
    notes,
    fu,
    controls,
  }) => {
    await notes.createSavedNote('Acme renewal')
    await fu.button('Set follow-up').click()
    await fu.phrase.fill('in 1 hour')
    await fu.form.getByRole('combobox', { name: 'Standard' }).selectOption({ label: 'Sales lead' })
    await fu.form.getByRole('button', { name: 'Save follow-up' }).click()
    await expect(fu.form).toBeHidden()
    await controls.clock({ advanceMs: 2 * 3_600_000 })
    await fu.openView()
    const overdue = fu.section('Overdue')
    await expect(overdue).toHaveAccessibleName('Overdue 1', { timeout: 15_000 })

    // The row's actions are reachable by keyboard: Tab from the row lands on them.
    await overdue.getByRole('button', { name: /^Acme renewal/ }).focus()
    await page.keyboard.press('Tab')
    await expect(overdue.getByRole('button', { name: 'Done: Acme renewal' })).toBeFocused()

    await overdue.getByRole('button', { name: 'Snooze until tomorrow: Acme renewal' }).click()
    await expect(fu.view.getByRole('status')).toHaveText('“Acme renewal” snoozed until tomorrow morning.')
    await expect(overdue).toHaveAccessibleName('Overdue 0')
    await expect(fu.section('Upcoming')).toHaveAccessibleName('Upcoming 1')

    await fu.section('Upcoming').getByRole('button', { name: 'Log follow-up: Acme renewal' }).click()
    await expect(fu.view.getByRole('status')).toHaveText('Logged a follow-up on “Acme renewal”.')
    const logged = await storedFollowUp(notes)
    expect(logged?.followUp?.attempt).toBe(2)
    await expect(fu.section('Upcoming').getByText('attempt 2 of 5')).toBeVisible()

    await fu.section('Upcoming').getByRole('button', { name: 'Done: Acme renewal' }).click()
    await expect(fu.section('Recently done')).toHaveAccessibleName('Recently done 1')
    expect((await storedFollowUp(notes))?.doneAt).not.toBeNull()
    await fu.section('Recently done').getByRole('button', { name: 'Reopen: Acme renewal' }).click()
    await expect(fu.section('Recently done')).toHaveAccessibleName('Recently done 0')
    expect((await storedFollowUp(notes))?.doneAt).toBeNull()
  })

  test('an unreadable phrase says so and saves nothing', async ({ notes, fu }) => {
    await notes.createSavedNote('Unclear timing')
    await fu.button('Set follow-up').click()
    await fu.phrase.fill('when pigs fly')
    await expect(fu.form.getByRole('alert')).toContainText('when pigs fly')
    await expect(fu.form.getByRole('button', { name: 'Save follow-up' })).toBeDisabled()
    await fu.phrase.press('Enter')
    await expect(fu.form).toBeVisible()
    expect((await storedFollowUp(notes))?.followUp).toBeNull()
    // Escape closes the form without saving.
    await fu.phrase.press('Escape')
    await expect(fu.form).toBeHidden()
    await expect(fu.bar.getByText('No follow-up set.')).toBeVisible()
  })
})
