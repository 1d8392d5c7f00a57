/**
 * `npx tsx e2e/tools/board-profile.ts [--cards 1000] [--cpu] [--trace file.json] [--shots dir]`:
 * measures a big board in the browser preview — opening it, scrolling a long column, keyboard drag steps
 * and a mouse drag — and, with `--cpu`, prints the functions that took the most CPU time in each phase.
 * Builds its own unminified renderer into a temporary folder so profiles name real functions.
 * For looking at, not asserting: run it before and after a change on the same machine and compare.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type CDPSession, type Page } from '@playwright/test'
import type { Board } from '../../electron/shared/board'
import { dispatch } from '../../electron/shared/rpc'
import { chromiumArgs, chromiumExecutable } from '../browser'
import { createPreviewServer } from '../preview/preview-server'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const count = Number(option('--cards') ?? 1000)
const cpu = flag('--cpu') || args.includes('--cpu-dir')
const traceFile = option('--trace')
/** Also writes each phase's CPU profile there (open in DevTools' Performance panel). */
const cpuDir = option('--cpu-dir')
const keep = flag('--keep-build')

const rendererDir = await mkdtemp(join(tmpdir(), 'tickler-renderer-'))
const dataDir = await mkdtemp(join(tmpdir(), 'tickler-board-profile-'))
{
  const [{ build }, { rendererConfig }] = await Promise.all([
    import('vite'),
    import('../../vite.renderer.config'),
  ])
  await build({
    ...rendererConfig,
    build: { ...rendererConfig.build, outDir: rendererDir, emptyOutDir: true, minify: false },
    configFile: false,
    logLevel: 'error',
  })
}
const server = await createPreviewServer({ dataDir, port: 0, rendererDir })
const call = async <T>(name: string, input: unknown): Promise<T> => {
  const envelope = await dispatch(server.backend.handlers, name, input)
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}

const board = await call<Board>('boards.create', {
  name: 'Big board',
  columns: [
    { name: 'Inbox', done: false },
    { name: 'Doing', done: false },
    { name: 'Done', done: true },
  ],
})
for (let i = 0; i < count; i++) {
  const col = i < count * 0.9 ? 0 : i < count * 0.97 ? 1 : 2
  await call('cards.add', {
    boardId: board.id,
    columnId: board.columns[col]!.id,
    title: `Card ${String(i).padStart(4, '0')}`,
    at: 'bottom',
  })
}

interface Frames {
  events: { name: string; duration: number }[]
  frames: number[]
}

/** Long animation frames and event timings seen since the last call. */
async function collect(page: Page): Promise<Frames> {
  return page.evaluate(() => {
    const w = window as unknown as { __perf: Frames }
    const out = w.__perf
    w.__perf = { events: [], frames: [] }
    return out
  })
}

async function profile<T>(session: CDPSession, label: string, work: () => Promise<T>): Promise<T> {
  if (cpu) await session.send('Profiler.start')
  const result = await work()
  if (cpu) {
    const { profile } = await session.send('Profiler.stop')
    if (cpuDir)
      await writeFile(join(cpuDir, `${label.replace(/\W+/g, '-')}.cpuprofile`), JSON.stringify(profile))
    const self = new Map<string, number>()
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const deltas = profile.timeDeltas ?? []
    ;(profile.samples ?? []).forEach((id, i) => {
      const node = byId.get(id)!
      const f = node.callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`
      self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000)
    })
    const top = [...self.entries()]
      .filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
    const total = top.reduce((s, [, v]) => s + v, 0)
    console.log(`  cpu in ${label}: ${total.toFixed(0)} ms of script; top self time:`)
    for (const [k, v] of top.slice(0, 15)) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`)
    console.log(
      `    gc ${(self.get([...self.keys()].find((k) => k.startsWith('(garbage')) ?? '') ?? 0).toFixed(1)} ms`,
    )
  }
  return result
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript(() => {
    const w = window as unknown as { __perf: Frames }
    w.__perf = { events: [], frames: [] }
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__perf.frames.push(Math.round(e.duration))
    }).observe({ type: 'long-animation-frame', buffered: true })
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__perf.events.push({ name: e.name, duration: Math.round(e.duration) })
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
  })
  const session = await page.context().newCDPSession(page)
  if (cpu) {
    await session.send('Profiler.enable')
    await session.send('Profiler.setSamplingInterval', { interval: 200 })
  }
  await page.goto(server.url)
  await page.getByRole('button', { name: 'New note', exact: true }).waitFor()
  const apiMs = await page.evaluate(async (id) => {
    const api = (
      window as unknown as {
        tickler: { boards: { list: (i: object) => Promise<unknown>; cards: (i: object) => Promise<unknown> } }
      }
    ).tickler
    const times: number[] = []
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now()
      await Promise.all([api.boards.list({}), api.boards.cards({ id })])
      times.push(Math.round(performance.now() - t0))
    }
    return times
  }, board.id)
  console.log(`boards.list + boards.cards (what opening a board reads): ${JSON.stringify(apiMs)} ms`)
  await collect(page)
  if (traceFile) await browser.startTracing(page, { path: traceFile, screenshots: false })

  const openMs = await profile(session, 'open', async () => {
    const t0 = Date.now()
    await page.getByRole('navigation').getByRole('button', { name: 'Big board', exact: true }).click()
    await page.getByRole('button', { name: 'Open card Card 0000', exact: true }).waitFor()
    return Date.now() - t0
  })
  await page.waitForTimeout(300)
  const open = await collect(page)
  const heights = await page.evaluate(() => [
    ...new Set([...document.querySelectorAll('.virtual-row')].map((e) => e.getBoundingClientRect().height)),
  ])
  console.log(
    `open: ${openMs} ms; long frames ${JSON.stringify(open.frames)}; ${await page.locator('.board-card').count()} cards mounted, row heights ${JSON.stringify(heights)}`,
  )

  const scroll = await profile(session, 'scroll', () =>
    page.evaluate(async () => {
      const list = document.querySelector<HTMLElement>('.column-cards')!
      const frames: number[] = []
      for (let i = 1; i <= 20; i++) {
        const t0 = performance.now()
        list.scrollTop = (list.scrollHeight * i) / 20
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        frames.push(performance.now() - t0)
      }
      for (let i = 0; i < 30; i++) {
        list.scrollTop = list.scrollHeight
        await new Promise((r) => requestAnimationFrame(() => r(null)))
      }
      return frames
    }),
  )
  const scrollFrames = await collect(page)
  const avg = scroll.reduce((a, b) => a + b, 0) / scroll.length
  console.log(
    `scroll (jumps of 1/20 of the column): mean ${avg.toFixed(1)} ms a step, max ${Math.max(...scroll).toFixed(1)}; long frames ${JSON.stringify(scrollFrames.frames)}`,
  )
  // A wheel's pace: 120 px a frame, up through the column.
  const wheel = await page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>('.column-cards')!
    const frames: number[] = []
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now()
      list.scrollTop -= 120
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      frames.push(performance.now() - t0)
    }
    list.scrollTop = list.scrollHeight
    await new Promise((r) => setTimeout(r, 300))
    return frames
  })
  const wheelFrames = await collect(page)
  console.log(
    `scroll (120 px a frame): mean ${(wheel.reduce((a, b) => a + b, 0) / wheel.length).toFixed(1)} ms a step, max ${Math.max(...wheel).toFixed(1)}; long frames ${JSON.stringify(wheelFrames.frames)}`,
  )

  // Keyboard: pick up, move up twice, drop; each step timed until two frames after the key.
  const handle = page.getByRole('button', {
    name: `Move card Card ${String(Math.floor(count * 0.9) - 1).padStart(4, '0')}`,
    exact: true,
  })
  await handle.waitFor()
  await handle.focus()
  const steps: Record<string, number> = {}
  for (const [label, key] of [
    ['pick up', 'Space'],
    ['up 1', 'ArrowUp'],
    ['up 2', 'ArrowUp'],
    ['drop', 'Space'],
  ] as const) {
    await profile(session, `keyboard ${label}`, async () => {
      const t0 = Date.now()
      await page.keyboard.press(key)
      await page.evaluate(
        () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
      )
      steps[label] = Date.now() - t0
      await page.waitForTimeout(label === 'drop' ? 800 : 150) // after the drop: the save and the reload after it
    })
  }
  const kb = await collect(page)
  console.log(`keyboard steps (ms, key to 2nd frame): ${JSON.stringify(steps)}`)
  console.log(`  event timings ${JSON.stringify(kb.events)}; long frames ${JSON.stringify(kb.frames)}`)

  // Mouse: drag the first visible card of Doing into Inbox, in 12 moves.
  const mouse = await profile(session, 'mouse drag', async () => {
    const from = await page
      .getByRole('button', { name: /^Open card / })
      .filter({ hasText: `Card ${String(Math.ceil(count * 0.9)).padStart(4, '0')}` })
      .boundingBox()
    const to = await page.locator('.column-cards').first().boundingBox()
    if (!from || !to) throw new Error('not laid out')
    const moves: number[] = []
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++) {
      const t0 = Date.now()
      const x = from.x + (to.x + to.width / 2 - from.x) * (i / 12)
      const y = from.y + (to.y + 200 - from.y) * (i / 12)
      await page.mouse.move(x, y)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))))
      moves.push(Date.now() - t0)
    }
    const t0 = Date.now()
    await page.mouse.up()
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))),
    )
    const drop = Date.now() - t0
    await page.waitForTimeout(800)
    return { moves, drop }
  })
  const md = await collect(page)
  console.log(
    `mouse drag: moves ${JSON.stringify(mouse.moves)} ms, drop ${mouse.drop} ms; long frames ${JSON.stringify(md.frames)}`,
  )
  if (traceFile) await browser.stopTracing()

  const shots = option('--shots')
  if (shots) {
    await page.getByRole('button', { name: 'Open card Card 0000', exact: true }).click()
    await page.waitForTimeout(600)
    await page.screenshot({ path: join(shots, 'board-card-open.png') })
    await writeFile(
      join(shots, 'README.txt'),
      'board-card-open.png: the big board with a card open beside it\n',
    )
  }
} finally {
  await browser.close()
  await server.close()
  await rm(dataDir, { recursive: true, force: true })
  if (keep) console.log(`renderer build kept in ${rendererDir}`)
  else await rm(rendererDir, { recursive: true, force: true })
}
