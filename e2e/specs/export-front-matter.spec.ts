import { readFile } from 'node:fs/promises'
import { expect, test } from '../fixtures'
import { listZip } from '../../electron/core/transfer/zip/zip-read'

// The preview's core runs in this process, so the page shows times in the zone core parses phrases in.
test.use({ timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone })
// Typing, a follow-up, an export download and an import on two busy cores: long, but never sleeping.
test.describe.configure({ timeout: 120_000 })

test('the Export menu writes tags and the follow-up as front matter, and importing the file gives them back', async ({
  page,
  notes,
  fu,
}, info) => {
  await notes.startNote('한빛 견적 Quote')
  await page.keyboard.type('Sent the quote on Monday')
  await page.getByRole('combobox', { name: 'Tag name' }).fill('sales')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: 'Remove tag sales' })).toBeVisible()
  await fu.button('Set follow-up').click()
  await fu.phrase.fill('tomorrow 9am')
  await fu.form.getByRole('textbox', { name: 'Waiting on (optional)' }).fill('김민수')
  await fu.form.getByRole('button', { name: 'Save follow-up' }).click()
  await expect(fu.bar.getByText('Waiting on 김민수')).toBeVisible()
  await notes.expectSaved()
  const original = await page.evaluate(async () => {
    const [summary] = await window.tickler.notes.list({})
    return window.tickler.notes.get({ id: summary!.id })
  })

  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'This note as Markdown' }).click()
  const zipPath = info.outputPath('note.zip')
  await (await downloading).saveAs(zipPath)
  // The export download is a stored (uncompressed) zip, so each file's packed bytes are its text.
  const [md] = listZip('note.zip', await readFile(zipPath)).filter((e) => e.path.endsWith('.md'))
  const text = Buffer.from(md!.packed).toString('utf8')
  expect(text).toMatch(/^---\ntitle: "한빛 견적 Quote"\nnotebook: "Inbox"\ntags: \["sales"\]\n/)
  expect(text).toContain(`\nfollow-up: "${original.followUp!.dueAt}"\nwaiting-on: "김민수"\n`)
  expect(text).toContain('\nattempt: 1\n---\n# 한빛 견적 Quote\n\nSent the quote on Monday\n')

  // The original goes to the Trash; the exported file brings the same note back, tag and follow-up included.
  await page.getByRole('button', { name: 'Move to Trash' }).click()
  await expect(notes.noteInList('한빛 견적 Quote')).toHaveCount(0)
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await page.getByRole('button', { name: 'Import Markdown files' }).click()
  await (await choosing).setFiles(zipPath)
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 note.' })).toBeVisible()
  await notes.openNote('한빛 견적 Quote')
  await expect(notes.body).toHaveText('Sent the quote on Monday')
  await expect(page.getByRole('button', { name: 'Remove tag sales' })).toBeVisible()
  await expect(fu.bar.getByText('Waiting on 김민수')).toBeVisible()
  const copy = await page.evaluate(async (id) => {
    const live = (await window.tickler.notes.list({})).find((s) => s.id !== id)
    return window.tickler.notes.get({ id: live!.id })
  }, original.id)
  expect(copy).toMatchObject({
    title: original.title,
    tags: original.tags,
    createdAt: original.createdAt,
    updatedAt: original.updatedAt,
    followUp: original.followUp,
    doneAt: null,
    doc: original.doc,
  })
})
