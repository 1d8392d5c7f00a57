import { createSearch, openLibrary } from '../core'
import { contract } from '../shared/contract'
import { TicklerError, describeZodError } from '../shared/rpc'
import type { Context } from './commands'
import { UsageError } from './io'

/**
 * `tickler search "<query>" [--limit N] [--json]`. Read-only like every read command, so it works while
 * the app runs; it uses the app's index snapshot when there is a fresh one and never writes it.
 */
export async function search(ctx: Context): Promise<void> {
  const query = ctx.positionals.join(' ').trim()
  if (!query) throw new UsageError('search needs a query: tickler search "<query>" [--limit N]')
  const limit = ctx.values.limit === undefined ? 20 : Number(ctx.values.limit)
  const parsed = contract['search.query'].input.safeParse({ query, limit })
  if (!parsed.success) {
    if (!Number.isInteger(limit)) throw new UsageError('--limit must be a whole number from 1 to 200')
    throw new TicklerError('BAD_INPUT', describeZodError(parsed.error))
  }
  const lib = await openLibrary(ctx.dataDir, { now: ctx.now, readOnly: true, holder: 'cli' })
  const index = createSearch(lib, { inline: true, persist: false, now: ctx.now })
  try {
    await lib.reconciled
    await index.ready
    const result = await index.query(parsed.data.query, parsed.data.limit ?? 20)
    for (const reason of result.ignored) ctx.io.err(`ignored: ${reason}`)
    if (ctx.json) {
      ctx.io.out(
        JSON.stringify(result.hits.map(({ id, title, snippet, score }) => ({ id, title, snippet, score }))),
      )
    } else if (!result.hits.length) {
      ctx.io.out(`No notes match "${query}".`)
    } else {
      const lines = result.hits.map((h) => `${h.id}  ${h.title || '(untitled)'}\n    ${h.snippet}`)
      const more =
        result.total > result.hits.length ? `\n(${result.total - result.hits.length} more; use --limit)` : ''
      ctx.io.out(lines.join('\n') + more)
    }
  } finally {
    await index.close()
    await lib.close()
  }
}
