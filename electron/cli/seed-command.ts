import { createSearch, openLibrary } from '../core'
import { seedLibrary } from '../core/bench/seed'
import type { Context } from './commands'
import { UsageError } from './io'

/**
 * `tickler seed --notes N --data-dir DIR`: writes the benches' deterministic library into an empty or new
 * folder, then opens it once so its start-up snapshot and search index exist, as in a library the app has
 * opened before. --data-dir is required: a library to measure with never goes into the default one.
 */
export async function seed(ctx: Context): Promise<void> {
  if (typeof ctx.values['data-dir'] !== 'string')
    throw new UsageError('seed needs --data-dir DIR (an empty or new folder)')
  const notes = Number(ctx.values.notes ?? 10_000)
  if (!Number.isInteger(notes) || notes < 1 || notes > 1_000_000) {
    throw new UsageError('--notes must be a whole number from 1 to 1000000')
  }
  if (!ctx.json) ctx.io.err(`Writing ${notes} notes…`)
  await seedLibrary(ctx.dataDir, notes)
  if (!ctx.json) ctx.io.err('Building the start-up snapshot and the search index…')
  const lib = await openLibrary(ctx.dataDir, { holder: 'cli' })
  try {
    await lib.reconciled
    const search = createSearch(lib, { inline: true })
    await search.ready
    await search.close()
  } finally {
    await lib.close()
  }
  ctx.io.out(
    ctx.json ? JSON.stringify({ notes, dataDir: ctx.dataDir }) : `Seeded ${notes} notes in ${ctx.dataDir}`,
  )
}
