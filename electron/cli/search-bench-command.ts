import { corpusFromDir } from '../core/bench/queries'
import { runSearchBench } from '../core/bench/search-bench'
import type { Context } from './commands'
import { UsageError } from './io'

/** `tickler bench --notes N --search [--corpus DIR] [--json]`: Tickler's search against MiniSearch,
 * FlexSearch and SQLite FTS5 over the same corpus and queries. */
export async function searchBench(ctx: Context): Promise<void> {
  const dir = typeof ctx.values.corpus === 'string' ? ctx.values.corpus : undefined
  const notes = Number(ctx.values.notes ?? 10_000)
  if (!dir && (!Number.isInteger(notes) || notes < 100 || notes > 1_000_000)) {
    throw new UsageError('--notes must be a whole number from 100 to 1000000')
  }
  const corpus = dir ? corpusFromDir(dir) : undefined
  if (corpus && corpus.length === 0) throw new UsageError(`--corpus: no .md or .txt files in ${dir}`)
  const r = await runSearchBench(notes, { corpus, log: ctx.json ? undefined : (line) => ctx.io.err(line) })
  if (ctx.json) {
    ctx.io.out(JSON.stringify(r))
    return
  }
  ctx.io.out(
    [
      `notes                      ${r.notes}   (${r.queries} queries, ${r.latinQueries} in Latin script)`,
      `query p50 / p95 / p99      ${r.search.p50Ms} / ${r.search.p95Ms} / ${r.search.p99Ms} ms   (target p95 ≤ 30)`,
      `baseline p50 / p95 / p99   ${r.baseline.p50Ms} / ${r.baseline.p95Ms} / ${r.baseline.p99Ms} ms   (plain MiniSearch, prefix + fuzzy 0.2)`,
      `speedup (p95)              ${r.speedup}×`,
      `searchable after open      ${r.indexReadyMs} ms   (from the index snapshot; target ≤ 5000)`,
      `first index (no snapshot)  ${r.coldIndexMs} ms   (baseline index build: ${r.baseline.indexMs} ms)`,
      `max event-loop stall       ${r.maxStallMs} ms   (target ≤ 50; indexing the files ${r.stallMs.cold}, loading the snapshot ${r.stallMs.snapshot})`,
      `heap                       ${r.heapMB} MB   (baseline: ${r.baseline.heapMB} MB; target ≤ 600)`,
      'same corpus and queries     build ms   p50 / p95 / p99 ms     heap MB   p95 ÷ Tickler',
      ...r.peers.map(
        (p) =>
          `  ${p.name.padEnd(26)}${String(p.indexMs).padStart(8)}   ${`${p.p50Ms} / ${p.p95Ms} / ${p.p99Ms}`.padEnd(22)}${String(p.heapMB).padStart(8)}   ${p.ratio}×`,
      ),
      `agreement with baseline    ${r.agreement}   (share of its top-20 hits Tickler's top 20 also returns; target ≥ 0.9)`,
      `  within Tickler's top 100 ${r.agreementTop100}   (the rest of its top 20 ranks lower here, or is not found)`,
    ].join('\n'),
  )
}
