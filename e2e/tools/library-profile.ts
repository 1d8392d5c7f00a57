/**
 * `npx tsx e2e/tools/library-profile.ts [--data-dir DIR | --notes 100000]`: opens a big library in the
 * browser preview and prints, as one JSON line, what a person feels of it:
 * - open: when the first note row is on screen after the page starts loading, and the page's long tasks
 *   (> 50 ms) until it is quiet;
 * - typing: the long tasks while typing into a note with five autosaves, until the page is quiet again,
 *   and which API calls those saves caused.
 * DIR is a library written by `tickler seed --notes N --data-dir DIR` (never a real one: the tool types into
 * its newest note); without it, one of `--notes` notes is seeded into a temporary folder first.
 * `--cpu-profile OUT` also writes the page's CPU profile of each phase (OUT/open.cpuprofile and
 * OUT/typing.cpuprofile, for DevTools' Performance panel), which says what the long tasks were.
 * For looking at, not asserting: run it before and after a change on the same machine and compare.
 */
import { readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { run } from '../../electron/cli/run'
import { chromiumArgs, chromiumExecutable } from '../browser'
import { ensureRendererBuilt } from '../preview/build-renderer'
import { createPreviewServer } from '../preview/preview-server'

const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const given = option('--data-dir')
const dataDir = given ? resolve(given) : await mkdtemp(join(tmpdir(), 'tickler-library-profile-'))
if (!given) {
  const notes = option('--notes') ?? '100000'
  console.error(`Seeding ${notes} notes…`)
  if ((await run(['seed', '--notes', notes, '--data-dir', dataDir])) !== 0) process.exit(1)
}
await ensureRendererBuilt()
const server = await createPreviewServer({ dataDir, port: 0 })

interface Probe {
  longTasks: { at: number; ms: number }[]
  firstRowAt: number | null
  inFlight: number
  calls: string[]
}

/** Installed before the app's script: long tasks, the first row's time, and the API calls made. */
function installProbe() {
  const probe: Probe = { longTasks: [], firstRowAt: null, inFlight: 0, calls: [] }
  ;(window as unknown as { __probe: Probe }).__probe = probe
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      probe.longTasks.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) })
  }).observe({ type: 'longtask', buffered: true })
  const seen = () => {
    if (probe.firstRowAt !== null) return
    if (document.querySelector('[role="listbox"][aria-label="Notes"] [role="option"]')) {
      probe.firstRowAt = Math.round(performance.now())
      rows.disconnect()
    }
  }
  const rows = new MutationObserver(seen)
  document.addEventListener('DOMContentLoaded', () =>
    rows.observe(document.body, { childList: true, subtree: true }),
  )
  const fetchFirst = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input)
    const api = url.includes('/api/')
    if (api) probe.calls.push(decodeURIComponent(url.split('/api/')[1]!.split('?')[0]!))
    probe.inFlight++
    let response: Response
    try {
      response = await fetchFirst(input, init)
    } catch (error) {
      probe.inFlight--
      throw error
    }
    if (!api) {
      probe.inFlight--
      return response
    }
    // A reply is in flight until the app has parsed it (the preview's bridge always reads it with json(),
    // a task of its own): between the headers and the body the page would otherwise look quiet while the
    // list is still loading, and the open phase would end early.
    const json = response.json.bind(response)
    response.json = () => json().finally(() => probe.inFlight--)
    return response
  }
}

/** Resolves once a whole second has passed with no long task and no API call in flight. */
async function quiet(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const p = (window as unknown as { __probe: Probe }).__probe
      const last = Math.max(0, ...p.longTasks.map((t) => t.at + t.ms))
      return p.inFlight === 0 && performance.now() - last > 1000
    },
    undefined,
    { timeout: 120_000, polling: 100 },
  )
}

/** The long tasks and API calls since the last call. */
async function take(page: Page) {
  const { longTasks, calls } = await page.evaluate(() => {
    const p = (window as unknown as { __probe: Probe }).__probe
    const out = { longTasks: p.longTasks.map((t) => t.ms), calls: p.calls }
    p.longTasks = []
    p.calls = []
    return out
  })
  const counts: Record<string, number> = {}
  for (const call of calls) counts[call] = (counts[call] ?? 0) + 1
  return {
    longTasks: longTasks.length,
    longestMs: Math.max(0, ...longTasks),
    totalMs: longTasks.reduce((a, b) => a + b, 0),
    calls: counts,
  }
}

const profileDir = option('--cpu-profile')
type Cdp = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>

/** Starts the page's sampling profiler, when asked for; the returned function writes what it recorded. */
async function profile(cdp: Cdp | null, name: string): Promise<() => Promise<void>> {
  if (!cdp || !profileDir) return async () => undefined
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    await mkdir(profileDir, { recursive: true })
    await writeFile(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile))
  }
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  // tsx keeps function names with a helper the page does not have; the probe's inner functions need it.
  await page.addInitScript({ content: 'window.__name = (f) => f' })
  await page.addInitScript(installProbe)
  const cdp = profileDir ? await page.context().newCDPSession(page) : null
  await cdp?.send('Profiler.enable')
  const openProfiled = await profile(cdp, 'open')
  await page.goto(server.url)
  const list = page.getByRole('listbox', { name: 'Notes' })
  await list.getByRole('option').first().waitFor({ timeout: 120_000 })
  const firstRowMs = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.firstRowAt)
  await quiet(page)
  const open = await take(page)
  await openProfiled()

  await list.getByRole('option').first().click()
  const body = page.getByRole('textbox', { name: 'Note body', exact: true })
  await body.waitFor()
  await body.click()
  await page.keyboard.press('End')
  await quiet(page)
  await take(page)
  const typingProfiled = await profile(cdp, 'typing')
  for (let i = 1; i <= 5; i++) {
    const saved = page.waitForResponse((r) => r.url().includes('/api/notes.update'), { timeout: 60_000 })
    await page.keyboard.type(` word${i}`, { delay: 40 })
    await saved
  }
  await quiet(page)
  const typing = { autosaves: 5, ...(await take(page)) }
  await typingProfiled()
  const notes = readdirSync(join(dataDir, 'notes')).length
  console.log(JSON.stringify({ notes, firstRowMs, open, typing }))
} finally {
  await browser.close()
  await server.close()
  if (!given) await rm(dataDir, { recursive: true, force: true })
}
