import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { formatInPage } from '../pages/followups-page'

const DAY = 86_400_000
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone })
test.describe.configure({ timeout: 180_000 })
const START = '2030-06-03T09:00:00Z'
test.use({ startAt: START })

test('an edited standard and a notebook default are what logging follows', async ({ page, notes, fu, controls }) => {
  const start = new Date(START)

  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  await expect(settings).toBeVisible()
  await settings.getByRole('button', { name: 'Edit Sales lead' }).click()
  const steps = settings.getByRole('textbox', { name: 'Follow up after (from first contact)' })
  await expect(steps).toHaveValue('2, 5, 10, 20, 30')
  // A cadence that goes backwards is refused with a reason, and nothing is saved.
  await steps.fill('5, 2')
  await settings.getByRole('button', { name: 'Save standard' }).click()
  await expect(settings.getByRole('alert')).toHaveText('Each step must come after the one before it.')
  await expect(steps).toHaveAttribute('aria-invalid', 'true')
  const unchanged = await page.evaluate(() => window.tickler.followups.standards({}))
  expect(unchanged.find((s) => s.id === 'sales-lead')?.offsets).toEqual([2, 5, 10, 20, 30])

  await steps.fill('1, 3')
  await settings.getByRole('textbox', { name: 'Max attempts' }).fill('2')
  await settings.getByRole('button', { name: 'Save standard' }).click()
  await expect(settings.getByRole('status').filter({ hasText: 'Saved Sales lead.' })).toBeVisible()
  await expect(settings.getByText('+1, +3 days · 2 attempts')).toBeVisible()

  await settings
    .getByRole('combobox', { name: 'Default standard for Inbox' })
    .selectOption({ label: 'Sales lead' })
  await expect
    .poll(() => page.evaluate(() => window.tickler.followups.defaults({})))
    .toMatchObject({ notebooks: { inbox: 'sales-lead' } })
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()

  await notes.createSavedNote('Lead from the fair')
  await fu.button('Set follow-up').click()
  // The notebook's default is already chosen; no time typed means the cadence's first step.
  await expect(fu.form.getByRole('combobox', { name: 'Standard' })).toHaveValue('sales-lead')
  await expect(fu.form.getByText('The first follow-up comes from the Sales lead cadence.')).toBeVisible()
  await fu.form.getByRole('button', { name: 'Save follow-up' }).click()
  await expect(fu.bar.getByText('Attempt 1 of 2 · Sales lead')).toBeVisible()
  const first = await page.evaluate(async () => (await window.tickler.notes.list({}))[0]!.followUp!)
  expect(Date.parse(first.dueAt) - start.getTime()).toBeGreaterThanOrEqual(DAY)
  expect(Date.parse(first.dueAt) - start.getTime()).toBeLessThan(DAY + 60_000)

  await controls.clock({ to: first.dueAt })
  await fu.button('Log follow-up').click()
  const second = new Date(Date.parse(first.dueAt) + 2 * DAY).toISOString()
  await expect(fu.bar.getByRole('status')).toHaveText(
    `Logged. Attempt 2 of 2 is due ${await formatInPage(page, second)}.`,
  )
  await fu.button('Log follow-up').click()
  await expect(
    fu.bar.getByRole('group', { name: /That was attempt 2, the last of Sales lead/ }),
  ).toBeVisible()
})

test('the calendar feed keeps an .ics of open follow-ups in the chosen folder', async ({ page, notes, fu }) => {
  const folder = await mkdtemp(join(tmpdir(), 'tickler-feed-'))
  try {
    await notes.createSavedNote('Call Kim, re: quote')

    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await expect(settings.getByRole('status').filter({ hasText: 'Off.' })).toBeVisible()
    await settings.getByRole('textbox', { name: 'Folder' }).fill(join(folder, 'missing'))
    await settings.getByRole('button', { name: 'Keep the file here' }).click()
    await expect(settings.getByRole('alert')).toContainText('There is no folder at')
    await settings.getByRole('textbox', { name: 'Folder' }).fill('/etc')
    await settings.getByRole('button', { name: 'Keep the file here' }).click()
    await expect(settings.getByRole('alert')).toContainText('/etc is a system folder')

    await settings.getByRole('textbox', { name: 'Folder' }).fill(folder)
    await settings.getByRole('button', { name: 'Keep the file here' }).click()
    const file = join(folder, 'tickler-followups.ics')
    await expect(
      settings.getByRole('status').filter({ hasText: `Keeping ${file} up to date.` }),
    ).toBeVisible()
    expect(await readFile(file, 'utf8')).not.toContain('BEGIN:VEVENT')
    await settings.getByRole('button', { name: 'Close settings' }).click()

    await fu.button('Set follow-up').click()
    await fu.phrase.fill('48h')
    await fu.form.getByRole('button', { name: 'Save follow-up' }).click()
    await expect(fu.bar.getByText(/^Follow up /)).toBeVisible()
    // Rewritten a moment after the change settles.
    await expect
      .poll(() => readFile(file, 'utf8'), { timeout: 15_000 })
      .toContain('SUMMARY:Call Kim\\, re: quote')
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
})
