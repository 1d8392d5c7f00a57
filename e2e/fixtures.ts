import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect } from '@playwright/test'
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
export const test = base.extend<{ preview: Preview }>({
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
})

export { expect }
