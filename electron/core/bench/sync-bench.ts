import { spawn } from 'node:child_process'
import { readdir, readFile, mkdtemp, rm, stat } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../library'
import { createSearch } from '../search/service'
import { openSyncStores, startSync } from '../sync'
import type { Library } from '../types'
import { paragraphsDoc } from './corpus'
import { seedLibrary } from './seed'
import { percentile, round } from './figures'

export interface SyncBenchResult {
  notes: number
  /** The first device's first pass: every note converted once and published. */
  firstDeviceS: number
  join: {
    /** The second device's first pass: every note in its library. */
    passS: number
    /** From the join's start until the last seeded note is found by search there. */
    searchableS: number
    notesThere: number
    targetS: number
  }
  edit: {
    count: number
    /** Once the file has arrived: the receiving device's pass until its library holds the edit. */
    arrivedP50Ms: number
    arrivedP95Ms: number
    /** The sending device's save and pass until its pack is in the folder. */
    publishP95Ms: number
    targetP95Ms: number
  }
  folder: { bytes: number; noteJsonBytes: number; ratio: number; target: number }
  idle: IdleFigures | null
  /** The machine's 1-minute load average at the start and at the end (the figures are noisy under load). */
  load: [number, number]
}

export interface IdleFigures {
  /** How long the idle `tickler sync` process was watched, after its first pass. */
  windowS: number
  /** Its threads' voluntary context switches (a thread that slept and was woken) per second watched. */
  wakeupsPerS: number
  /** Its CPU time in that window per second watched. */
  cpuMsPerS: number
}

/** How to run the CLI in a child process (the idle figure is the real `tickler sync` loop's). */
export interface CliCommand {
  node: string
  args: string[]
}

async function sizeOf(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    total += entry.isDirectory() ? await sizeOf(path) : (await stat(path)).size
  }
  return total
}

const seconds = (since: number) => round((performance.now() - since) / 1000)

/**
 * The bench's whole run, on a temporary folder: N seeded notes become the first device of a sync folder,
 * a second (empty) library joins it with search running as the app has it, then edits go from one to the
 * other one at a time, both devices compact, and an idle `tickler sync` on the second is watched.
 */
export async function runSyncBench(
  count: number,
  options: { edits?: number; cli?: CliCommand; idleS?: number; log?: (line: string) => void } = {},
): Promise<SyncBenchResult> {
  const log = options.log ?? (() => undefined)
  const load0 = loadavg()[0]!
  const root = await mkdtemp(join(tmpdir(), 'tickler-sync-bench-'))
  const folder = join(root, 'folder')
  const dirA = join(root, 'first')
  const dirB = join(root, 'second')
  try {
    log(`seeding ${count} notes…`)
    const ids = await seedLibrary(dirA, count)
    const libA = await openLibrary(dirA, { holder: 'bench' })
    await libA.reconciled
    log('first device: converting every note…')
    let started = performance.now()
    const storesA = await openSyncStores(dirA)
    let engineA = await startSync(libA, storesA, { folder, deviceName: 'first' })
    await engineA.pass()
    const firstDeviceS = seconds(started)

    log('second device joining…')
    const libB = await openLibrary(dirB, { holder: 'bench' })
    await libB.reconciled
    const search = createSearch(libB, { persist: false })
    await search.ready
    started = performance.now()
    const storesB = await openSyncStores(dirB)
    let engineB = await startSync(libB, storesB, { folder, deviceName: 'second' })
    await engineB.pass()
    const passS = seconds(started)
    const last = await libA.getNote(ids.at(-1)!)
    const found = await search.query(`"${last.title}"`, 20)
    if (!found.hits.some((h) => h.id === last.id))
      throw new Error('the joined library does not find the last note by its title')
    const searchableS = seconds(started)
    await search.close()
    const notesThere = libB.listNotes().length

    const edits = options.edits ?? 50
    log(`${edits} edits, one at a time…`)
    const arrived: number[] = []
    const publish: number[] = []
    for (let i = 0; i < edits; i++) {
      const [from, to, engineFrom, engineTo] =
        i % 2 ? [libB, libA, engineB, engineA] : [libA, libB, engineA, engineB]
      const id = ids[(i * 7919) % ids.length]!
      const marker = `edit ${i} from the bench`
      started = performance.now()
      await from.updateNote(id, { doc: paragraphsDoc(marker) })
      await engineFrom.pass()
      publish.push(performance.now() - started)
      started = performance.now()
      await engineTo.pass()
      arrived.push(performance.now() - started)
      if (!(await to.getNote(id)).text.includes(marker)) throw new Error(`edit ${i} did not arrive`)
    }
    arrived.sort((a, b) => a - b)
    publish.sort((a, b) => a - b)

    log('compacting both devices…')
    for (const [lib, name] of [
      [libA, 'first'],
      [libB, 'second'],
    ] as [Library, string][]) {
      const engine = name === 'first' ? engineA : engineB
      engine.close()
      const compacting = await startSync(lib, name === 'first' ? storesA : storesB, { compactAfter: 1 })
      await compacting.pass()
      if (name === 'first') engineA = compacting
      else engineB = compacting
    }
    const bytes = await sizeOf(folder)
    const noteJsonBytes = await sizeOf(join(dirA, 'notes'))
    engineA.close()
    engineB.close()
    await libA.close()
    await libB.close()

    const idle = options.cli ? await watchIdle(options.cli, dirB, options.idleS ?? 30, log) : null
    return {
      notes: count,
      firstDeviceS,
      join: { passS, searchableS, notesThere, targetS: 120 },
      edit: {
        count: edits,
        arrivedP50Ms: round(percentile(arrived, 0.5), 1),
        arrivedP95Ms: round(percentile(arrived, 0.95), 1),
        publishP95Ms: round(percentile(publish, 0.95), 1),
        targetP95Ms: 1000,
      },
      folder: { bytes, noteJsonBytes, ratio: round(bytes / noteJsonBytes), target: 1.5 },
      idle,
      load: [round(load0), round(loadavg()[0]!)],
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** Context switches and CPU ticks of every thread of a process, from /proc (Linux). */
async function threadCounters(pid: number): Promise<{ switches: number; ticks: number }> {
  let switches = 0
  let ticks = 0
  for (const task of await readdir(`/proc/${pid}/task`)) {
    const status = await readFile(`/proc/${pid}/task/${task}/status`, 'utf8').catch(() => '')
    for (const m of status.matchAll(/^voluntary_ctxt_switches:\s+(\d+)/gm)) switches += Number(m[1])
    const fields = (await readFile(`/proc/${pid}/task/${task}/stat`, 'utf8').catch(() => ''))
      .replace(/^.*\) /s, '')
      .split(' ')
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0) // utime, stime
  }
  return { switches, ticks }
}

/**
 * Runs `tickler sync` on an already synced library with nothing to do and counts how often its threads
 * wake (context switches) and how much CPU they use over `windowS`, from its first pass's output on.
 */
async function watchIdle(
  cli: CliCommand,
  dataDir: string,
  windowS: number,
  log: (line: string) => void,
): Promise<IdleFigures | null> {
  if (process.platform !== 'linux') return null
  log(`watching an idle tickler sync for ${windowS} s…`)
  const child = spawn(cli.node, [...cli.args, 'sync', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  try {
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve())
      child.once('exit', (code) => reject(new Error(`tickler sync ended (${code}): ${stderr.slice(0, 500)}`)))
    })
    const before = await threadCounters(child.pid!)
    const started = performance.now()
    await new Promise((resolve) => setTimeout(resolve, windowS * 1000))
    const after = await threadCounters(child.pid!)
    const watched = (performance.now() - started) / 1000
    const tickMs = 10 // USER_HZ is 100 on Linux
    return {
      windowS: round(watched, 1),
      wakeupsPerS: round((after.switches - before.switches) / watched),
      cpuMsPerS: round(((after.ticks - before.ticks) * tickMs) / watched),
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM') // the CLI finishes a running pass first, then ends
      await exited
    }
  }
}
