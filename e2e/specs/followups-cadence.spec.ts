import { expect, test } from '../fixtures'
import { formatInPage } from '../pages/followups-page'
import type { NotesPage } from '../pages/notes-page'

const DAY = 86_400_000
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone })
test.describe.configure({ timeout: 180_000 })
// First contact on Monday 3 June 2030 at 09:00 UTC; Sales lead follows up 2, 5, 10, 20 and 30 days later.
const contact = Date.parse('2030-06-03T09:00:00Z')
test.use({ startAt: new Date(contact).toISOString() })

const dueOf = (notes: NotesPage) =>
  notes.page.evaluate(async () => {
    const [summary] = await window.tickler.notes.list({})
    return summary?.followUp ?? null
  })

test('logging follow-ups walks the Sales lead cadence, then asks what to do next', async ({
  page,
  notes,
  fu,
  controls,
}) => {
  await notes.createSavedNote('Acme renewal')

  await fu.button('Set follow-up').click()
  await fu.form.getByRole('combobox', { name: 'Standard' }).selectOption({ label: 'Sales lead' })
  await expect(fu.form.getByText('The first follow-up comes from the Sales lead cadence.')).toBeVisible()
  await fu.form.getByRole('button', { name: 'Save follow-up' }).click()
  await expect(fu.bar.getByText('Attempt 1 of 5 · Sales lead')).toBeVisible()
  const first = await dueOf(notes)
  expect(Date.parse(first!.dueAt) - contact).toBeGreaterThanOrEqual(2 * DAY)
  expect(Date.parse(first!.dueAt) - contact).toBeLessThan(2 * DAY + 60_000)

  // Each attempt is logged when it comes due; the next one lands on the cadence's next day.
  const offsets = [2, 5, 10, 20, 30]
  for (let attempt = 1; attempt < offsets.length; attempt++) {
    const due = await dueOf(notes)
    await controls.clock({ to: due!.dueAt })
    await fu.button('Log follow-up').click()
    const expected = new Date(contact + offsets[attempt]! * DAY).toISOString()
    const when = await formatInPage(page, expected)
    await expect(fu.bar.getByRole('status')).toHaveText(`Logged. Attempt ${attempt + 1} of 5 is due ${when}.`)
    await expect(fu.bar.getByText(`Attempt ${attempt + 1} of 5 · Sales lead`)).toBeVisible()
    const next = await dueOf(notes)
    expect(next!.attempt).toBe(attempt + 1)
    // Logged a few seconds after the due minute at most: still the same minute of the cadence's day.
    expect(Math.abs(Date.parse(next!.dueAt) - Date.parse(expected))).toBeLessThan(60_000)
  }

  const last = await dueOf(notes)
  await controls.clock({ to: last!.dueAt })
  await fu.button('Log follow-up').click()
  const ask = fu.bar.getByRole('group', { name: 'That was attempt 5, the last of Sales lead. What next?' })
  await expect(ask).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Mark done' })).toBeFocused()
  await expect(ask.getByRole('button', { name: 'Set a new follow-up' })).toBeVisible()
  await expect(ask.getByRole('button', { name: 'Start the cadence again' })).toBeVisible()
  expect(await dueOf(notes)).toBeNull()

  await page.keyboard.press('Enter')
  await expect(ask).toBeHidden()
  await expect(fu.bar.getByText(/^Done /)).toBeVisible()
  const done = await page.evaluate(async () => (await window.tickler.notes.list({}))[0]?.doneAt ?? null)
  expect(done).not.toBeNull()
})
