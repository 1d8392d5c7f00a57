import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../library'
import { corpus, paragraphsDoc, rng } from './corpus'
import { seedLibrary } from './seed'
import { percentile, round } from './figures'

export interface SaveBenchResult {
  notes: number
  save: { p50Ms: number; p95Ms: number; p50Ms100: number; p95Ms100: number; ratio: number; samples: number }
  /** Open from the start-up snapshot until the note list is ready (median of 3). */
  openMs: number
  /** CPU time of that open: less sensitive than wall time to other processes sharing the machine. */
  openCpuMs: number
  /** Open with no snapshot: every note file read (first start, or after the cache was lost). */
  rebuildMs: number
  heapMB: number
}

async function timeOpen(dir: string): Promise<{ ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const lib = await openLibrary(dir, { holder: 'bench' })
  lib.listNotes()
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  await lib.close()
  return { ms, cpuMs: (used.user + used.system) / 1000 }
}

export async function runSaveBench(count: number, rounds = 300): Promise<SaveBenchResult> {
  const root = await mkdtemp(join(tmpdir(), 'tickler-bench-'))
  try {
    const bigDir = join(root, 'big')
    const smallDir = join(root, 'small')
    const bigIds = await seedLibrary(bigDir, count)
    const smallIds = await seedLibrary(smallDir, 100)
    const rebuildMs = (await timeOpen(bigDir)).ms // no snapshot yet: reads every file, then writes one on close
    const opens = [await timeOpen(bigDir), await timeOpen(bigDir), await timeOpen(bigDir)].sort(
      (a, b) => a.ms - b.ms,
    )

    const big = await openLibrary(bigDir, { holder: 'bench' })
    const heapMB = process.memoryUsage().heapUsed / 2 ** 20
    const small = await openLibrary(smallDir, { holder: 'bench' })
    const random = rng(7)
    const texts = [...corpus(64, 99)].map((n) => paragraphsDoc(n.text))
    const timesBig: number[] = []
    const timesSmall: number[] = []
    // Interleaved, so disk noise lands on both sizes alike and the ratio stays meaningful.
    for (let r = 0; r < rounds; r++) {
      for (const [lib, ids, times] of [
        [big, bigIds, timesBig],
        [small, smallIds, timesSmall],
      ] as const) {
        const id = ids[Math.floor(random() * ids.length)]!
        const started = performance.now()
        await lib.updateNote(id, { doc: texts[r % texts.length]! })
        times.push(performance.now() - started)
      }
    }
    await big.close()
    await small.close()
    timesBig.sort((a, b) => a - b)
    timesSmall.sort((a, b) => a - b)
    const p95 = percentile(timesBig, 0.95)
    const p95Small = percentile(timesSmall, 0.95)
    return {
      notes: count,
      save: {
        p50Ms: round(percentile(timesBig, 0.5)),
        p95Ms: round(p95),
        p50Ms100: round(percentile(timesSmall, 0.5)),
        p95Ms100: round(p95Small),
        ratio: round(p95 / p95Small),
        samples: rounds,
      },
      openMs: round(opens[1]!.ms),
      openCpuMs: round(opens[1]!.cpuMs),
      rebuildMs: round(rebuildMs),
      heapMB: round(heapMB),
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
