import { dirname, resolve } from 'node:path'
import { openSettings } from '../core'
import { writeFileDurable } from '../core/durable-file'
import { refuseSystemFolder } from '../core/system-folders'
import { buildIcs } from '../core/followups/ics'
import { withLibrary, type Context } from './commands'

/**
 * tickler ics [--out FILE]: an RFC 5545 calendar of open follow-ups on stdout, or written durably to
 * FILE (a syncing client never sees half a file). Reads only, so it works while the app is running.
 */
export async function ics(ctx: Context): Promise<void> {
  const out = typeof ctx.values.out === 'string' ? ctx.values.out : undefined
  await withLibrary(ctx, false, async (library) => {
    const settings = await openSettings(library.dataDir, true)
    const text = buildIcs(library.listNotes(), { now: ctx.now(), standards: settings.standards() })
    if (out === undefined) return ctx.io.out(text)
    const path = resolve(out)
    await refuseSystemFolder(dirname(path), 'Not written')
    await writeFileDurable(path, text)
    const count = text.split('BEGIN:VEVENT').length - 1
    ctx.io.out(
      ctx.json
        ? JSON.stringify({ file: path, events: count })
        : `Wrote ${count} follow-up${count === 1 ? '' : 's'} to ${path}`,
    )
  })
}
