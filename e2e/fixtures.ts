import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { EditorPage } from './pages/editor-page'
import { FollowUpsPage, TestControls } from './pages/followups-page'
import { NotesPage } from './pages/notes-page'
import { createPreviewServer, type PreviewServer } from './preview/preview-server'

export interface Preview extends PreviewServer {
  dataDir: string
}

/** A slowed-down CPU for stress runs (`e2e/tools/never-lose-stress.ts`): 6 makes Chromium 6× slower. */
const cpuThrottle = Number(process.env.TICKLER_CPU_THROTTLE ?? 1)

/**
 * Every test gets its own preview server over a fresh, empty data folder, so tests never see each
 * other's notes and can run in parallel. The renderer was built once in global setup.
 */
interface Fixtures {
  preview: Preview
  /** Where the core's clock stands when the page opens (`test.use({ startAt })`); unset, the real time. */
  startAt: string | undefined
  controls: TestControls
  notes: NotesPage
  app: Page
  editor: EditorPage
  fu: FollowUpsPage
}

export const test = base.extend<Fixtures>({
  startAt: [undefined, { option: true }],
  page: async ({ page }, use) => {
    if (cpuThrottle > 1) {
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle })
    }
    await use(page)
  },
  // eslint-disable-next-line no-empty-pattern
  preview: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tickler-e2e-'))
    const server = await createPreviewServer({ dataDir, port: 0 })
    try {
      await use(Object.assign(server, { dataDir }))
    } finally {
      await server.close()
      await rm(dataDir, { recursive: true, force: true })
    }
  },
  controls: async ({ page, preview }, use) => {
    await use(new TestControls(page, preview))
  },
  /**
   * The notes screen already open on this test's preview, where most specs start. A spec that must act
   * before the page loads (seed through the core, open another address) builds its own `NotesPage`.
   */
  notes: async ({ page, preview, startAt, controls }, use) => {
    if (startAt) await controls.clock({ to: startAt })
    const notes = new NotesPage(page)
    await notes.open(preview.url)
    await use(notes)
  },
  /** The page with the app open, for a spec that drives it without the notes page object. */
  app: async ({ notes }, use) => {
    await use(notes.page)
  },
  editor: async ({ page }, use) => {
    await use(new EditorPage(page))
  },
  fu: async ({ page }, use) => {
    await use(new FollowUpsPage(page))
  },
})

export { expect }
