import { randomBytes } from 'node:crypto'
import { expect, test } from '../fixtures'

/** An ENEX big enough (about 12 MB, 12 upload chunks) that the progress bar is on screen for a while. */
function bigEnex(): Buffer {
  const filler = randomBytes(900 * 1024).toString('base64')
  const notes = Array.from({ length: 12 }, (_, i) => {
    const body =
      i === 7 ? '분기 회의에서 후속조치를 정했다 — quarterly zebrafish review' : `Routine note ${i}`
    return `<note><title>${i === 7 ? '회의록 Meeting' : `Note ${i}`}</title><created>20240101T000000Z</created><content><![CDATA[<en-note><div>${body}</div><div><en-todo checked="true"/>done item</div></en-note>]]></content><resource><data encoding="base64">${filler}</data><mime>application/octet-stream</mime><resource-attributes><file-name>blob${i}.bin</file-name></resource-attributes></resource></note>`
  })
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<en-export>${notes.join('\n')}</en-export>\n`)
}

test.describe('Evernote import in the preview', () => {
  test.slow()
  test.use({ actionTimeout: 20_000 })
  test('shows progress while importing, then search finds a word from an imported note', async ({
    app: page,
  }) => {
    // Collect the progress events the page receives, to check counts really stream in.
    await page.evaluate(() => {
      const seen: number[] = []
      ;(window as unknown as { seen: number[] }).seen = seen
      window.tickler.on('transfer.importProgress', (p) => seen.push(p.imported))
    })
    // Reached the way a user does: the Import menu, then its Evernote or Trello item.
    const choosing = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page.getByRole('button', { name: 'Import Evernote or Trello…' }).click()
    await (
      await choosing
    ).setFiles({ name: 'work notes.enex', mimeType: 'application/xml', buffer: bigEnex() })
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Cancel import' })).toBeVisible()
    await expect(page.getByText('work notes.enex: 12 notes imported into "work notes"')).toBeVisible({
      timeout: 60_000,
    })
    await expect(page.getByRole('progressbar', { name: 'Import progress' })).toBeHidden()
    const seen = await page.evaluate(() => (window as unknown as { seen: number[] }).seen)
    expect(seen.at(-1)).toBe(12)
    expect(seen.length).toBeGreaterThan(1)

    await page.keyboard.press('ControlOrMeta+Shift+f')
    await page.getByRole('combobox', { name: 'Search' }).fill('zebrafish')
    await expect(
      page.getByRole('listbox', { name: 'Search results' }).getByText('회의록 Meeting'),
    ).toBeVisible()
    await page.getByRole('combobox', { name: 'Search' }).fill('후속조치')
    await expect(
      page.getByRole('listbox', { name: 'Search results' }).getByText('회의록 Meeting'),
    ).toBeVisible()
  })

  test('importing the same file again asks first, and "Don\'t import" adds nothing', async ({
    app: page,
  }) => {
    const file = {
      name: 'small.enex',
      mimeType: 'application/xml',
      buffer: Buffer.from(
        '<en-export><note><title>Only once</title><content><![CDATA[<en-note>x</en-note>]]></content></note></en-export>',
      ),
    }
    const input = page.getByLabel('Choose an Evernote export (.enex) or a Trello board (.json)')
    await input.setInputFiles(file)
    await expect(page.getByText('small.enex: 1 note imported into "small"')).toBeVisible()
    await input.setInputFiles(file)
    const ask = page.getByRole('alertdialog')
    await expect(ask).toContainText('was already imported')
    await ask.getByRole('button', { name: "Don't import" }).click()
    await expect(ask).toBeHidden()
    expect(
      await page.evaluate(
        async () => (await window.tickler.notes.list({})).filter((n) => n.title === 'Only once').length,
      ),
    ).toBe(1)
  })

  test('the Import menu can put a file into an existing notebook instead of a new one', async ({
    app: page,
  }) => {
    const clients = await page.evaluate(() => window.tickler.notebooks.create({ name: 'Clients' }))
    await page.reload()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const menu = page.getByRole('list', { name: 'Import options' })
    await menu.getByRole('button', { name: 'Into: A new notebook named after each file' }).click()
    await page.getByRole('menu', { name: 'Into' }).getByRole('menuitemradio', { name: 'Clients' }).click()
    await expect(menu.getByRole('button', { name: 'Into: Clients' })).toBeFocused()
    // The menu is the app's own: no native drop-down, and nothing about attachments.
    await expect(menu.getByRole('combobox')).toHaveCount(0)
    await expect(menu).not.toContainText('Paste or drop pictures')
    const choosing = page.waitForEvent('filechooser')
    await menu.getByRole('button', { name: 'Import Evernote or Trello…' }).click()
    await (
      await choosing
    ).setFiles({
      name: 'acme.enex',
      mimeType: 'application/xml',
      buffer: Buffer.from(
        '<en-export><note><title>Acme kickoff</title><content><![CDATA[<en-note>고객 킥오프</en-note>]]></content></note>' +
          '<note><title>Acme pricing</title><content><![CDATA[<en-note>tiers</en-note>]]></content></note></en-export>',
      ),
    })
    await expect(page.getByText('acme.enex: 2 notes imported into "Clients"')).toBeVisible()
    const titles = await page.evaluate(
      async (id) => (await window.tickler.notes.list({ notebookId: id })).map((n) => n.title).sort(),
      clients.id,
    )
    expect(titles).toEqual(['Acme kickoff', 'Acme pricing'])
    expect(
      await page.evaluate(async () => (await window.tickler.notebooks.list({})).map((n) => n.name)),
    ).not.toContain('acme')
  })
})
