import { runMailBench } from '../core/bench/mail-bench'
import { runSaveBench } from '../core/bench/save-bench'
import { measureZipImport, runZipBombBench } from '../core/bench/zip-bomb-bench'
import { UsageError } from './io'
import type { Context } from './commands'

export async function bench(ctx: Context): Promise<void> {
  const notes = Number(ctx.values.notes ?? 10_000)
  if (!Number.isInteger(notes) || notes < 100 || notes > 1_000_000) {
    throw new UsageError('--notes must be a whole number from 100 to 1000000')
  }
  if (!ctx.json) ctx.io.err(`Building a library of ${notes} notes in a temporary folder…`)
  const result = await runSaveBench(notes)
  if (ctx.json) {
    ctx.io.out(JSON.stringify(result))
    return
  }
  const { save } = result
  ctx.io.out(
    [
      `notes                 ${result.notes}`,
      `save p50 / p95        ${save.p50Ms} / ${save.p95Ms} ms   (at ${result.notes} notes)`,
      `save p50 / p95        ${save.p50Ms100} / ${save.p95Ms100} ms   (at 100 notes)`,
      `save ratio (p95)      ${save.ratio}   (target ≤ 2)`,
      `open (snapshot)       ${result.openMs} ms wall, ${result.openCpuMs} ms CPU   (target ≤ 1500 at 100,000 notes)`,
      `open (rebuild)        ${result.rebuildMs} ms   (no snapshot: every file read)`,
      `heap after open       ${result.heapMB} MB`,
    ].join('\n'),
  )
}

/** tickler bench --zip-bomb-gb N (and, for its child processes, --zip-bomb-file F --via cli|preview) */
export async function zipBombBench(ctx: Context): Promise<void> {
  const file = ctx.values['zip-bomb-file']
  if (typeof file === 'string') {
    const way = ctx.values.via
    if (way !== 'cli' && way !== 'preview') throw new UsageError('--via must be cli or preview')
    return ctx.io.out(JSON.stringify(await measureZipImport(file, way)))
  }
  const gb = Number(ctx.values['zip-bomb-gb'])
  if (!(gb > 0 && gb <= 3.9))
    throw new UsageError('--zip-bomb-gb must be a number of gigabytes from 0.01 to 3.9')
  // The children run this same CLI, with the same loader flags.
  const cli = { node: process.execPath, args: [...process.execArgv, process.argv[1]!] }
  const r = await runZipBombBench(gb, cli, (line) => !ctx.json && ctx.io.err(line))
  if (ctx.json) return ctx.io.out(JSON.stringify(r))
  ctx.io.out(
    [
      `zip                   ${r.zipMB} MB, unpacks to ${r.unpacksToGB} GB (built in ${r.buildS} s)`,
      ...r.runs.flatMap((run) => [
        `${`${run.way} (${run.directory} directory)`.padEnd(28)} peak RSS ${run.peakRssMB} MB (whole process, start-up included; target < 300), ${run.importS} s`,
        `${`${run.way} (${run.directory} directory)`.padEnd(28)} outcome  ${run.outcome}`,
      ]),
    ].join('\n'),
  )
}

/** tickler bench --mail [--messages N] [--replies R]: first scan of a big Sent folder, and replies while IDLE. */
export async function mailBench(ctx: Context): Promise<void> {
  const messages = Number(ctx.values.messages ?? 10_000)
  const replies = Number(ctx.values.replies ?? 25)
  if (!Number.isInteger(messages) || messages < 1_000 || messages > 200_000) {
    throw new UsageError('--messages must be a whole number from 1000 to 200000')
  }
  if (!Number.isInteger(replies) || replies < 20 || replies > 1_000)
    throw new UsageError('--replies must be a whole number from 20 to 1000')
  const r = await runMailBench(messages, replies, (line) => !ctx.json && ctx.io.err(line))
  if (ctx.json) return ctx.io.out(JSON.stringify(r))
  ctx.io.out(
    [
      ...r.scans.map(
        (s) =>
          `first scan ${String(s.messages).padStart(6)} msgs  ${s.scanS} s (${s.tracked} tracked; APPEND took ${s.appendS} s)   RSS ${s.rssBeforeMB} → peak ${s.rssPeakMB} MB (+${s.rssGrowthMB})`,
      ),
      `reply → done (IDLE)      p50 ${r.replies.p50Ms} ms, p95 ${r.replies.p95Ms} ms, max ${r.replies.maxMs} ms over ${r.replies.count} replies   (target p95 ≤ ${r.replies.targetP95Ms})`,
    ].join('\n'),
  )
}
