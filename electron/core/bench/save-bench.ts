import { rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NOTE_SCHEMA_VERSION, freshNoteState, type Note } from '../../shared/model'
import { openLibrary } from '../library'
import { NoteFiles } from '../note-files'
import { corpus, paragraphsDoc, rng } from './corpus'

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

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
const round = (n: number) => Math.round(n * 100) / 100

/**
 * Seeds a library by writing note files directly: seeding is not what is measured, and fsyncing
 * 100,000 files would only make the bench slow. The opens and saves measured afterwards are the real ones.
 */
export async function seedLibrary(
  dir: string,
  count: number,
  seed = 42,
  source: Iterable<{ title: string; text: string }> = corpus(count, seed),
): Promise<string[]> {
  const lib = await openLibrary(dir, { holder: 'bench' })
  await lib.close()
  const files = new NoteFiles(dir)
  const ids: string[] = []
  const random = rng(seed + 1)
  const start = Date.UTC(2021, 0, 1)
  let i = 0
  for (const { title, text } of source) {
    const id = (i++).toString(16).padStart(16, '0')
    const created = new Date(start + Math.floor(random() * 5 * 365 * 86_400_000)).toISOString()
    const note: Note = {
      schemaVersion: NOTE_SCHEMA_VERSION,
      id,
      title,
      doc: paragraphsDoc(text),
      text,
      notebookId: 'inbox',
      tags: [],
      createdAt: created,
      updatedAt: created,
      revision: 1,
      ...freshNoteState(),
    }
    writeFileSync(files.pathOf(id), JSON.stringify(note))
    ids.push(id)
  }
  // The notes were written behind the library's back: drop the empty snapshot the first open left, so
  // the next open rebuilds from every file as a first start would.
  rmSync(join(dir, 'cache'), { recursive: true, force: true })
  return ids
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
