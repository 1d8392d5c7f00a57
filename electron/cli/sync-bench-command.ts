import { runSyncBench } from '../core/bench/sync-bench'
import { UsageError } from './io'
import type { Context } from './commands'

/** tickler bench --sync [--notes N]: a second device joining an N-note library, edits both ways, folder size, idle wakeups. */
export async function syncBench(ctx: Context): Promise<void> {
  const notes = Number(ctx.values.notes ?? 100_000)
  if (!Number.isInteger(notes) || notes < 100 || notes > 1_000_000) {
    throw new UsageError('--notes must be a whole number from 100 to 1000000')
  }
  // The idle figure is the real `tickler sync` loop's: its child runs this same CLI, with the same loader flags.
  const cli = { node: process.execPath, args: [...process.execArgv, process.argv[1]!] }
  const r = await runSyncBench(notes, { cli, log: (line) => !ctx.json && ctx.io.err(line) })
  if (ctx.json) return ctx.io.out(JSON.stringify(r))
  const idle = r.idle
    ? `${r.idle.wakeupsPerS} wakeups/s, ${r.idle.cpuMsPerS} ms CPU/s over ${r.idle.windowS} s`
    : 'not measured (needs Linux /proc)'
  ctx.io.out(
    [
      `notes                 ${r.notes}`,
      `first device          ${r.firstDeviceS} s   (every note converted once and published)`,
      `join                  ${r.join.passS} s pass, ${r.join.searchableS} s until searchable, ${r.join.notesThere} notes there   (target ≤ ${r.join.targetS} s)`,
      `edit arrived          p50 ${r.edit.arrivedP50Ms} ms, p95 ${r.edit.arrivedP95Ms} ms over ${r.edit.count} edits   (target p95 ≤ ${r.edit.targetP95Ms})`,
      `edit published        p95 ${r.edit.publishP95Ms} ms`,
      `sync folder           ${r.folder.ratio}× the note JSON (${r.folder.bytes} / ${r.folder.noteJsonBytes} bytes)   (target ≤ ${r.folder.target})`,
      `idle                  ${idle}`,
      `load (1 min)          ${r.load[0]} → ${r.load[1]}`,
    ].join('\n'),
  )
}
