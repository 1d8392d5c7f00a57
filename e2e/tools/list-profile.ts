/**
 * `npx tsx e2e/tools/list-profile.ts [--notes 10000]`: a library of that many notes in the browser preview —
 * how long "All notes" takes to show, how long scroll frames take in the virtualised list, and how long
 * each arrow-key step through it takes. For looking at, not asserting: compare runs on the same machine.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { seedLibrary } from '../../electron/core/bench/seed'
import { chromiumArgs, chromiumExecutable } from '../browser'
import { startPreviewProcess } from './preview-process'

const at = process.argv.indexOf('--notes')
const count = Number(at >= 0 ? process.argv[at + 1] : 10_000)
const dataDir = await mkdtemp(join(tmpdir(), 'tickler-list-profile-'))
await seedLibrary(dataDir, count)

const server = await startPreviewProcess(dataDir)
const url = server.url

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  const started = Date.now()
  await page.goto(url)
  const list = page.getByRole('listbox', { name: 'Notes' })
  await list.getByRole('option').first().waitFor({ timeout: 120_000 })
  const firstPaintMs = Date.now() - started
  const mounted = await list.getByRole('option').count()

  // Scroll the list a screenful per frame, as a fast wheel or a dragged scrollbar does.
  const scrollFrames = await page.evaluate(async () => {
    const box = document.querySelector<HTMLElement>('[role="listbox"]')!
    const frames: number[] = []
    let last = performance.now()
    for (let i = 0; i < 120; i++) {
      box.scrollTop += box.clientHeight
      await new Promise(requestAnimationFrame)
      const now = performance.now()
      frames.push(now - last)
      last = now
    }
    return frames
  })

  await list.getByRole('option').first().click()
  const steps: number[] = []
  for (let i = 0; i < 40; i++) {
    const t0 = Date.now()
    await page.keyboard.press('ArrowDown')
    await page.evaluate(() => new Promise(requestAnimationFrame))
    steps.push(Date.now() - t0)
  }
  console.log(
    JSON.stringify({
      notes: count,
      firstPaintMs,
      mountedRows: mounted,
      scrollFrameMs: {
        p50: percentile(scrollFrames, 50),
        p95: percentile(scrollFrames, 95),
        max: percentile(scrollFrames, 100),
      },
      arrowStepMs: { p50: percentile(steps, 50), p95: percentile(steps, 95) },
    }),
  )
} finally {
  await browser.close()
  server.stop()
}
