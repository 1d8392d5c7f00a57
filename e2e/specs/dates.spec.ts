import type { Page } from '@playwright/test'
import { expect, test, type Preview } from '../fixtures'
import { coreCall, type Note } from '../pages/board-page'
import { FollowUpsPage, TestControls } from '../pages/followups-page'
import { NotesPage } from '../pages/notes-page'

test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone })

/** The follow-up of an imported note that fell due last year, on a morning in this one. */
async function seedLastYearsFollowUp(page: Page, preview: Preview) {
  const controls = new TestControls(page, preview)
  const call = coreCall(preview)
  await controls.clock({ to: '2025-04-01T09:00:00+09:00' })
  const note = await call<Note>('notes.create', { title: 'Hanbit renewal' })
  await call<Note>('followups.set', { id: note.id, dueAt: '2025-04-06T15:00:00+09:00' })
  await controls.clock({ to: '2026-06-03T09:00:00+09:00' })
  await page.clock.setFixedTime(new Date('2026-06-03T09:00:00+09:00'))
}

test.describe('dates outside the current year say their year', () => {
  test('an overdue follow-up from last year, in the note, the list and the Follow-ups view (English)', async ({
    page,
    preview,
  }) => {
    await seedLastYearsFollowUp(page, preview)
    const notes = new NotesPage(page)
    await notes.open(preview.url)
    await notes.openNote('Hanbit renewal')
    await expect(page.getByText(/^Overdue since .*Apr 6, 2025/)).toBeVisible()
    await expect(notes.noteInList('Hanbit renewal').getByRole('img', { name: /Apr 6, 2025/ })).toBeVisible()

    const fu = new FollowUpsPage(page)
    await fu.openView()
    await expect(fu.section('Overdue').getByText(/Apr 6, 2025/)).toBeVisible()
  })

  test('the same in Korean', async ({ page, preview }) => {
    await seedLastYearsFollowUp(page, preview)
    await page.goto(`${preview.url}&lang=ko`)
    await page.getByRole('listbox').getByRole('option').filter({ hasText: 'Hanbit renewal' }).click()
    await expect(page.getByText(/^2025년 4월 6일 .*부터 기한 지남$/)).toBeVisible()
  })
})
