import {
  appendToNote,
  loadState,
  openSyncStores,
  localChangesWaiting,
  startSync,
  type PassReport,
  type SyncState,
} from '../core/sync'
import { withLibrary, type Context } from './commands'
import { UsageError } from './io'

/** How often `tickler sync` (without --once) looks at the folder: idle, it wakes the CPU only this often. */
const WATCH_INTERVAL_MS = 5000

function describePass(report: PassReport): string {
  const parts = [
    `${report.sent} note(s) sent`,
    `${report.received} file(s) received`,
    `${report.written} note(s) updated`,
  ]
  if (report.pending) parts.push(`${report.pending} waiting for their notebook`)
  if (report.waiting) parts.push(`${report.waiting} file(s) still arriving`)
  const lines = [`Synced: ${parts.join(', ')}.`]
  for (const p of report.problems) lines.push(`  ${p.file || 'folder'}: ${p.reason} (${p.detail})`)
  return lines.join('\n')
}

/** tickler sync --folder DIR [--device NAME] [--merge] [--once] */
export async function sync(ctx: Context): Promise<void> {
  const folder = typeof ctx.values.folder === 'string' ? ctx.values.folder : undefined
  const deviceName = typeof ctx.values.device === 'string' ? ctx.values.device : undefined
  await withLibrary(ctx, true, async (lib) => {
    const stores = await openSyncStores(lib.dataDir)
    const engine = await startSync(lib, stores, { folder, deviceName, merge: ctx.values.merge === true })
    try {
      const first = await engine.pass()
      ctx.io.out(ctx.json ? JSON.stringify({ ...first, sync: statusOf(engine.state) }) : describePass(first))
      if (ctx.values.once === true) return
      // Keep syncing until Ctrl+C; a failed pass (folder away) is reported and tried again.
      await new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | null = null
        let stopped = false
        let running = false
        // The next pass is scheduled when this one ends, so two passes never run at once however slow.
        const next = () => {
          if (stopped) return resolve()
          timer = setTimeout(() => {
            running = true
            engine
              .pass()
              .then(
                (r) => (r.sent || r.received || r.problems.length) && ctx.io.out(describePass(r)),
                (error: Error) => ctx.io.err(`tickler: ${error.message}`),
              )
              .finally(() => {
                running = false
                next()
              })
          }, WATCH_INTERVAL_MS)
        }
        const stop = () => {
          stopped = true
          if (running) return // the pass ends first (its finally resolves): nothing is cut off mid-write
          if (timer) clearTimeout(timer)
          resolve()
        }
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
        next()
      })
    } finally {
      engine.close()
    }
  })
}

/** tickler append <id> "text": a paragraph at the end of the note, through its Y.Doc. */
export async function append(ctx: Context): Promise<void> {
  const [id, ...words] = ctx.positionals
  const text = words.join(' ')
  if (!id || !text) throw new UsageError('append needs a note id and text: tickler append <id> "<text>"')
  await withLibrary(ctx, true, async (lib) => {
    const { note, published, problem } = await appendToNote(lib, id, text)
    if (problem) ctx.io.err(`note: saved here; it goes to the sync folder at the next sync (${problem})`)
    ctx.io.out(ctx.json ? JSON.stringify({ note, published }) : `Appended to ${note.id} ${note.title}`)
  })
}

function statusOf(state: SyncState | null) {
  if (!state) return null
  return {
    folder: state.folder,
    device: { id: state.deviceId, name: state.deviceName },
    libraryId: state.libraryId,
    lastSyncAt: state.lastSyncAt,
    waiting: state.waiting,
    problems: state.problems,
    devices: Object.entries(state.devices).map(([id, d]) => ({ id, ...d })),
  }
}

/** tickler status [--json]: the library's size and its sync state, without taking the lock. */
export async function status(ctx: Context): Promise<void> {
  await withLibrary(ctx, false, async (lib) => {
    const known = statusOf(await loadState(lib.dataDir))
    const sync = known && { ...known, localChanges: localChangesWaiting(lib) }
    const notes = lib.listNotes().length
    if (ctx.json) return ctx.io.out(JSON.stringify({ notes, sync }))
    const lines = [`${notes} note(s)`]
    if (!sync) lines.push('Sync: off (tickler sync --folder DIR)')
    else {
      lines.push(`Sync: ${sync.folder} as "${sync.device.name}", last synced ${sync.lastSyncAt ?? 'never'}`)
      if (sync.localChanges) lines.push(`  ${sync.localChanges} local change(s) not yet in the folder`)
      for (const d of sync.devices) lines.push(`  device "${d.name}" last wrote ${d.updatedAt ?? 'never'}`)
      if (sync.waiting) lines.push(`  ${sync.waiting} file(s) still arriving`)
      for (const p of sync.problems) lines.push(`  ${p.file || 'folder'}: ${p.reason} (${p.detail})`)
    }
    ctx.io.out(lines.join('\n'))
  })
}
