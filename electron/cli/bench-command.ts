import { runSaveBench } from '../core/bench/save-bench'
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
