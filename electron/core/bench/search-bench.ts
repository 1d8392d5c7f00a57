import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openLibrary } from '../library'
import { createSearch } from '../search/service'
import { BASELINES, type Baseline } from './baselines'
import { corpus, type CorpusNote } from './corpus'
import { benchQueries, isLatinQuery } from './queries'
import { seedLibrary } from './seed'
import { percentile, round } from './figures'

export interface SearchBenchResult {
  notes: number
  queries: number
  latinQueries: number
  search: { p50Ms: number; p95Ms: number; p99Ms: number }
  /** Plain MiniSearch: the same as its entry in `peers`. */
  baseline: PeerResult
  /** MiniSearch p95 ÷ Tickler p95. */
  speedup: number
  /** Other engines over the same corpus and queries, in this run (baselines.ts). */
  peers: PeerResult[]
  /**
   * Library open + index loaded from its snapshot until every note is searchable (a normal start, search
   * started right after open as the app does, while the library's folder reconcile runs).
   */
  indexReadyMs: number
  /** The parts of indexReadyMs: the library's own open, then search start until ready. */
  libraryOpenMs: number
  searchReadyMs: number
  /** The same with no snapshot: every note file read and indexed in the worker (first start). */
  coldIndexMs: number
  /**
   * Longest event-loop stall of the library's thread while search indexed (from the note files) or loaded
   * (from its snapshot), started once the library's own folder reconcile had finished, so that stalls of
   * the library's open are not counted as the index's.
   */
  maxStallMs: number
  /** Its two parts: while indexing every note file (first start), and while loading the snapshot. */
  stallMs: { cold: number; snapshot: number }
  /** Longest stall during the normal start above, where the folder reconcile runs alongside (not search's). */
  openStallMs: number
  /** Worker heap plus the index's typed arrays (which live outside the JS heap). */
  heapMB: number
  /** Share of plain MiniSearch's top-20 hits that Tickler's top 20 also returns, over Latin-script queries. */
  agreement: number
  /**
   * Share of plain MiniSearch's top-20 hits found anywhere in Tickler's top 100: what is missing from the
   * top 20 only ranks a little lower, or (when this is low too) is not found at all.
   */
  agreementTop100: number
}

export interface PeerResult {
  name: string
  p50Ms: number
  p95Ms: number
  p99Ms: number
  /** Building its index over the whole corpus. */
  indexMs: number
  /** What its index keeps after a full collection: JS heap it adds plus memory outside the heap. */
  heapMB: number
  /** Its p95 ÷ Tickler's. */
  ratio: number
}

const idOf = (i: number) => i.toString(16).padStart(16, '0')
const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b)
  return {
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    p99Ms: round(percentile(sorted, 0.99)),
  }
}

/**
 * A full garbage collection, so that a measured phase does not pay for the bench's own garbage: seeding
 * 100,000 notes leaves hundreds of megabytes of it on this thread, which the app never has, and its
 * collection landing inside a phase showed up as a 45 ms pause there.
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/**
 * Opens the library and search, timing until every note is searchable and watching this thread's stalls
 * from the library's open on (its own open is measured by the save bench). With `afterReconcile`, search
 * starts only once the library's folder reconcile is done, so the stalls seen are search's alone.
 */
async function openAndIndex(dir: string, afterReconcile: boolean) {
  const started = performance.now()
  const lib = await openLibrary(dir, { holder: 'bench' })
  const openMs = performance.now() - started
  if (afterReconcile) await lib.reconciled
  collectGarbage()
  const monitor = monitorEventLoopDelay({ resolution: 5 })
  monitor.enable()
  const searchStarted = performance.now()
  const search = createSearch(lib)
  const report = await search.ready
  const searchMs = performance.now() - searchStarted
  monitor.disable()
  return { lib, search, report, openMs, searchMs, ms: openMs + searchMs, stallMs: monitor.max / 1e6 }
}

export async function runSearchBench(
  count: number,
  options: { corpus?: CorpusNote[]; queries?: number; log?: (line: string) => void } = {},
): Promise<SearchBenchResult> {
  const log = options.log ?? (() => undefined)
  // The generated corpus is made again for the baseline rather than held: while search is measured this
  // thread holds no corpus, as the app's does not (~300 MB at 100,000 notes made its collector pause
  // inside the measured phases).
  const source = () => options.corpus ?? [...corpus(count)]
  let seeded: CorpusNote[] | null = source()
  const noteCount = seeded.length
  const queries = benchQueries(seeded, options.queries ?? 300)
  const root = await mkdtemp(join(tmpdir(), 'tickler-search-bench-'))
  try {
    const dir = join(root, 'library')
    log(`seeding ${noteCount} notes…`)
    await seedLibrary(dir, noteCount, 42, seeded)
    seeded = null
    await (await openLibrary(dir, { holder: 'bench' })).close() // the library's own start-up snapshot

    log('indexing from the note files (no snapshot)…')
    const cold = await openAndIndex(dir, true)
    await cold.search.close()
    await cold.lib.close()

    log('opening again with the index snapshot, once alone and once as the app does…')
    const alone = await openAndIndex(dir, true)
    await alone.search.close()
    await alone.lib.close()
    const warm = await openAndIndex(dir, false)
    await warm.lib.reconciled
    const { search, lib } = warm
    for (const q of queries.slice(0, 20)) await search.query(q, 20) // JIT warm-up
    const times: number[] = []
    const ours = new Map<string, Set<string>>()
    for (const q of queries) {
      const started = performance.now()
      const result = await search.query(q, 20)
      times.push(performance.now() - started)
      ours.set(q, new Set(result.hits.map((h) => h.id)))
    }
    const ours100 = new Map<string, Set<string>>()
    for (const q of queries.filter(isLatinQuery)) {
      ours100.set(q, new Set((await search.query(q, 100)).hits.map((h) => h.id)))
    }
    const worker = await search.stats()
    await search.close()
    await lib.close()

    const notes = source()
    const peers: PeerResult[] = []
    let agreed = 0
    let compared = 0
    let inTop100 = 0
    for (const factory of BASELINES) {
      log(`building ${factory.name} (baseline)…`)
      collectGarbage()
      const heapBefore = process.memoryUsage().heapUsed
      const buildStarted = performance.now()
      let peer: Baseline | null = factory.build(notes)
      const indexMs = performance.now() - buildStarted
      collectGarbage()
      const heapMB = (process.memoryUsage().heapUsed - heapBefore + peer.bytes()) / 2 ** 20
      for (const q of queries.slice(0, 20)) peer.search(q, 20) // JIT warm-up, as for Tickler's
      const peerTimes: number[] = []
      for (const q of queries) {
        const started = performance.now()
        const hits = peer.search(q, 20)
        peerTimes.push(performance.now() - started)
        if (factory.name !== 'minisearch' || !isLatinQuery(q)) continue
        for (const hit of hits) {
          compared++
          if (ours.get(q)!.has(idOf(hit))) agreed++
          if (ours100.get(q)!.has(idOf(hit))) inTop100++
        }
      }
      peer.close()
      peer = null
      const peerStats = stats(peerTimes)
      peers.push({
        name: factory.name,
        ...peerStats,
        indexMs: round(indexMs),
        heapMB: round(heapMB),
        ratio: round(peerStats.p95Ms / Math.max(stats(times).p95Ms, 0.01)),
      })
    }
    const baseline = peers.find((p) => p.name === 'minisearch')!
    return {
      notes: notes.length,
      queries: queries.length,
      latinQueries: queries.filter(isLatinQuery).length,
      search: stats(times),
      baseline,
      speedup: baseline.ratio,
      peers,
      indexReadyMs: round(warm.ms),
      libraryOpenMs: round(warm.openMs),
      searchReadyMs: round(warm.searchMs),
      coldIndexMs: round(cold.ms),
      maxStallMs: round(Math.max(cold.stallMs, alone.stallMs)),
      stallMs: { cold: round(cold.stallMs), snapshot: round(alone.stallMs) },
      openStallMs: round(warm.stallMs),
      heapMB: round(worker.heapMB + worker.typedMB),
      agreement: compared ? round(agreed / compared) : 1,
      agreementTop100: compared ? round(inTop100 / compared) : 1,
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}
