import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'

/** A real picture (drawn on a canvas in the page) pasted into the editor, as a screenshot paste would be. */
async function pasteDrawnPicture(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 360
    canvas.height = 140
    const ctx = canvas.getContext('2d')!
    const gradient = ctx.createLinearGradient(0, 0, 360, 0)
    gradient.addColorStop(0, '#4f7cff')
    gradient.addColorStop(1, '#35c2a1')
    ctx.fillStyle = gradient
    ctx.fillRect(0, 0, 360, 140)
    ctx.fillStyle = '#fff'
    ctx.font = 'bold 28px sans-serif'
    ctx.fillText('Q3 chart 그래프', 24, 80)
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'))
    const data = new DataTransfer()
    data.items.add(new File([blob], 'chart.png', { type: 'image/png' }))
    const body = document.querySelector('.note-body')!
    body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
}

/** A file dropped onto the editor, as from the desktop. */
async function dropFile(page: Page, name: string, type: string, size: number): Promise<void> {
  await page.evaluate(
    ({ name, type, size }) => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array(size).fill(65)], name, { type }))
      const body = document.querySelector('.note-body')!
      const box = body.getBoundingClientRect()
      const init = {
        dataTransfer: data,
        bubbles: true,
        cancelable: true,
        clientX: box.left + 20,
        clientY: box.bottom - 10,
      }
      body.dispatchEvent(new DragEvent('dragover', init))
      body.dispatchEvent(new DragEvent('drop', init))
    },
    { name, type, size },
  )
}

test.describe('attachments and Markdown transfer in the browser preview', () => {
  // Two cores shared with other suites: uploads, a reload and an export/import round trip need more than 30 s there.
  test.slow()
  test('a pasted picture and a dropped file are stored, shown after reload, and a too-large file is refused', async ({
    page,
    preview,
    notes,
  }) => {
    await notes.startNote('Quarterly review')
    await page.keyboard.type('Numbers for the meeting:')
    await page.keyboard.press('Enter')
    await pasteDrawnPicture(page)
    const picture = notes.body.getByRole('img', { name: 'chart.png' })
    await expect(picture).toBeVisible()
    await page.keyboard.press('End')
    await dropFile(page, 'budget 예산.pdf', 'application/pdf', 2048)
    const chip = notes.body.getByRole('button', { name: 'Open budget 예산.pdf (2.0 KB)' })
    await expect(chip).toBeVisible()

    // Over the stated limit: a clear sentence, and nothing is added.
    await dropFile(page, 'huge.mov', 'video/quicktime', 50 * 1024 * 1024 + 1)
    await expect(page.getByRole('alert').filter({ hasText: 'huge.mov' })).toHaveText(
      '“huge.mov” was not added: attachments can be at most 50 MB.',
    )
    await expect(notes.body.getByRole('button', { name: /huge\.mov/ })).toHaveCount(0)
    await notes.expectSaved()

    await page.reload()
    await notes.openNote('Quarterly review')
    await expect(picture).toBeVisible()
    // Really drawn from the library through /attachments/, not a broken image with alt text.
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(360)
    expect(await picture.getAttribute('src')).toMatch(/^\/attachments\/[0-9a-f]{64}\.png$/)
    await expect(chip).toBeVisible()
    await page.screenshot({ path: test.info().outputPath('note-with-picture-and-chip.png') })

    // The same URL space refuses anything that is not a stored hash name.
    const origin = new URL(preview.url).origin
    for (const bad of ['..%2Fnotes', '%2e%2e%2f.lock', 'notes.json', `${'a'.repeat(64)}.png`]) {
      const response = await page.request.get(`${origin}/attachments/${bad}`)
      expect([400, 403, 404], bad).toContain(response.status())
    }
  })

  test('a notebook exported to Markdown imports back into another notebook with its picture', async ({
    page,
    notes,
  }, info) => {
    await notes.startNote('여행 준비 Trip plan')
    await page.keyboard.type('Pack the 여권 and tickets')
    await page.keyboard.press('Enter')
    await pasteDrawnPicture(page)
    await expect(notes.body.getByRole('img', { name: 'chart.png' })).toBeVisible()
    await notes.expectSaved()

    await page.getByRole('button', { name: 'Export', exact: true }).click()
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: 'This notebook as Markdown' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('Inbox.zip')
    const zipPath = info.outputPath('Inbox.zip')
    await download.saveAs(zipPath)

    // A second notebook to import into, made through the same API the page uses.
    const created = await page.evaluate(() => window.tickler.notebooks.create({ name: 'Imported' }))
    await page.reload()
    await page.getByRole('button', { name: /^Imported/ }).click()
    const choosing = page.waitForEvent('filechooser')
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    await page
      .getByRole('list', { name: 'Import options' })
      .getByRole('button', { name: 'Import Markdown files' })
      .click()
    // Choosing closes the menu and gives focus back to its button.
    await expect(page.getByRole('list', { name: 'Import options' })).toBeHidden()
    await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeFocused()
    await (await choosing).setFiles(zipPath)
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 note.' })).toBeVisible()

    const copies = await page.evaluate((id) => window.tickler.notes.list({ notebookId: id }), created.id)
    expect(copies.map((n) => n.title)).toEqual(['여행 준비 Trip plan'])
    await notes.openNote('여행 준비 Trip plan')
    await expect(notes.body).toContainText('Pack the 여권 and tickets')
    const copy = notes.body.getByRole('img', { name: 'chart.png' })
    await expect.poll(() => copy.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(360)

    // A picked folder of plain Markdown (no zip) imports too, headings and checklists intact.
    const folder = info.outputPath('md-folder')
    await mkdir(join(folder, 'img'), { recursive: true })
    await writeFile(join(folder, 'todo.md'), '# 할 일\n\n- [ ] call Kim\n- [x] book room\n')
    const choosingFolder = page.waitForEvent('filechooser')
    // By keyboard this time: Enter opens the menu, Tab reaches its items.
    await page.getByRole('button', { name: 'Import', exact: true }).press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(page.getByRole('button', { name: 'Import a folder' })).toBeFocused()
    await page.keyboard.press('Enter')
    await (await choosingFolder).setFiles(folder)
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 note.' })).toBeVisible()
    await notes.openNote('할 일')
    await expect(notes.body.getByRole('checkbox')).toHaveCount(2)
  })
})
