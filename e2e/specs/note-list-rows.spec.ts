import { expect, test } from '../fixtures'
import { coreCall, type Note } from '../pages/board-page'
import { NotesPage } from '../pages/notes-page'

const paragraph = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
})

test.describe('note list rows', () => {
  // Typing a long note key by key is slow on a loaded machine; the steps, not the clock, are under test.
  test.describe.configure({ timeout: 120_000 })
  test('fit their note: no gap under a short note, room for a long one with tags and a follow-up', async ({
    page,
    preview,
  }) => {
    const call = coreCall(preview)
    const long = await call<Note>('notes.create', {
      title: 'Hanbit renewal',
      tags: ['hanbit', 'quote'],
      doc: paragraph(
        'Kim asked for the renewal quote with the portal add-on, the support hours and a discount for three years; send it before Friday.',
      ),
    })
    await call('followups.set', { id: long.id, phrase: 'tomorrow 9am' })
    await call('notes.create', { title: 'Call back', doc: paragraph('Kim, 3pm') })
    await call('notes.create', { title: 'Empty one' })

    const notes = new NotesPage(page)
    await notes.open(preview.url)
    await page.getByRole('button', { name: /^All notes/ }).click()
    const rows = page.getByRole('listbox', { name: 'Notes' }).getByRole('option')
    await expect(rows).toHaveCount(3)

    const gapUnder = async (title: string) => {
      const row = rows.filter({ hasText: title })
      const box = (await row.boundingBox())!
      // The lowest thing drawn in the row: its snippet, or its line of tags and badges.
      const bottoms = await row.evaluate((el) =>
        [...el.children]
          .map((child) => child.getBoundingClientRect())
          .filter((r) => r.height > 0)
          .map((r) => r.bottom),
      )
      return { height: box.height, gap: box.y + box.height - Math.max(...bottoms) }
    }
    const short = await gapUnder('Call back')
    const empty = await gapUnder('Empty one')
    const full = await gapUnder('Hanbit renewal')
    for (const row of [short, empty, full]) expect(row.gap).toBeLessThanOrEqual(14)
    expect(short.height).toBeLessThan(full.height)

    // Rows do not overlap: each starts where the one above it ends.
    const boxes = await rows.evaluateAll((els) =>
      els.map((el) => el.getBoundingClientRect()).map((r) => [r.top, r.bottom]),
    )
    boxes.sort((a, b) => a[0]! - b[0]!)
    for (let i = 1; i < boxes.length; i++)
      expect(Math.abs(boxes[i]![0]! - boxes[i - 1]![1]!)).toBeLessThanOrEqual(1)
  })
  test('show a just-saved note as they show it after a reload', async ({ page, notes }) => {
    await notes.startNote('Quarterly review')
    // Longer than the list's snippet, so the cut itself is compared.
    await page.keyboard.type('Renewal terms and the support hours we agreed on. '.repeat(5).trim())
    await notes.expectSaved()
    // What the row says, but its "just now"/"1 min ago", which may tick over between the two reads.
    const rowText = () =>
      notes.noteInList('Quarterly review').evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement
        copy.querySelectorAll('time').forEach((time) => time.remove())
        return copy.textContent
      })
    await expect(notes.noteInList('Quarterly review')).toContainText('…')
    const before = await rowText()

    await page.reload()
    await expect(notes.noteInList('Quarterly review')).toBeVisible()
    expect(await rowText()).toBe(before)
  })
})
