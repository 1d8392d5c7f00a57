import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  importCrashChild,
  importUntilKilled,
  writeBigEnex,
} from '../../electron/core/test-support/import-crash'
import { createPreviewServer } from '../preview/preview-server'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { NotesPage } from '../pages/notes-page'

const NOTES = 300

/** A library an import was writing into when its process was killed, and the file it was importing. */
async function crashedImport(onFault: 'keep' | 'rollback') {
  const root = await mkdtemp(join(tmpdir(), 'tickler-e2e-crash-'))
  const dataDir = join(root, 'library')
  const enex = writeBigEnex(join(root, 'big.enex'), NOTES)
  await importUntilKilled(await importCrashChild(root), dataDir, enex, onFault, 25)
  const server = await createPreviewServer({ dataDir, port: 0 })
  return { root, enex, server }
}

const storedTitles = (page: Page) =>
  page.evaluate(async () => (await window.tickler.notes.list({})).map((n) => n.title))

test.describe('an import a crash stopped', () => {
  test.slow()

  test('the app says how far it got and, picked again, the file carries on without duplicates', async ({
    page,
  }) => {
    const { root, enex, server } = await crashedImport('keep')
    try {
      const notes = new NotesPage(page)
      await notes.open(server.url)
      const notice = page.getByRole('group', { name: 'Interrupted import' })
      await expect(notice).toContainText(/The import of big\.enex stopped after \d+ notes/)
      const kept = (await storedTitles(page)).length
      expect(kept).toBeGreaterThanOrEqual(25)
      await expect(notice).toContainText(`stopped after ${kept} notes`)

      const choosing = page.waitForEvent('filechooser')
      await notice.getByRole('button', { name: 'Import big.enex again…' }).click()
      await (
        await choosing
      ).setFiles({ name: 'big.enex', mimeType: 'application/xml', buffer: await readFile(enex) })
      await expect(page.getByText(`big.enex: ${NOTES - kept} notes imported into "big"`)).toBeVisible({
        timeout: 60_000,
      })
      await expect(page.getByText(`It carried on after the ${kept} notes`)).toBeVisible()
      await expect(notice).toBeHidden()
      const titles = await storedTitles(page)
      expect(titles).toHaveLength(NOTES)
      expect(new Set(titles).size).toBe(NOTES)

      // Told once: after a reload the library has nothing left to recover.
      await page.reload()
      await expect(notes.newNoteButton).toBeVisible()
      await expect(notice).toBeHidden()
    } finally {
      await server.close()
      await rm(root, { recursive: true, force: true })
    }
  })

  test('one started with "remove what it imported" was rolled back at open, and the app says so', async ({
    page,
  }) => {
    const { root, server } = await crashedImport('rollback')
    try {
      const notes = new NotesPage(page)
      await notes.open(server.url)
      const notice = page.getByRole('group', { name: 'Interrupted import' })
      await expect(notice).toContainText(/As chosen, the \d+ notes it had imported were removed/)
      await expect(notice.getByRole('button', { name: /again/ })).toHaveCount(0)
      expect(await storedTitles(page)).toEqual([])
      await notice.getByRole('button', { name: 'Dismiss' }).click()
      await expect(notice).toBeHidden()
    } finally {
      await server.close()
      await rm(root, { recursive: true, force: true })
    }
  })
})
