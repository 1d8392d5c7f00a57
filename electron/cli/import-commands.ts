import { exportLibraryMarkdown } from '../core/transfer/export'
import { refuseSystemFolder } from '../core/system-folders'
import { AttachmentStore } from '../core/attachments/store'
import { runEnexBench, type EnexBenchTarget } from '../core/bench/enex-bench'
import { runImport } from '../core/import/run-import'
import type { ImportSummary } from '../core/import/import-types'
import { withLibrary, type Context } from './commands'
import { UsageError } from './io'
import { basename, join, resolve } from 'node:path'

function describe(s: ImportSummary): string {
  if (s.status === 'already-imported') {
    return `${s.file} was already imported on ${s.previouslyImportedAt}; nothing was done. Run again with --allow-duplicate to import it a second time.`
  }
  const lines = [`${s.status === 'done' ? 'Imported' : s.status === 'cancelled' ? 'Cancelled after' : 'Stopped after'} ${s.imported} notes from ${s.file}${s.notebook ? ` into "${s.notebook.name}"` : ''}${s.board ? ` (board "${s.board.name}")` : ''} in ${(s.ms / 1000).toFixed(1)} s`]
  if (s.fault) lines.push(`error${s.fault.line ? ` at line ${s.fault.line}, column ${s.fault.column}` : ''}: ${s.fault.message}`)
  if (s.resumedAfter) lines.push(`continued an interrupted import of this file: the ${s.resumedAfter} notes it had imported were kept, not imported again`)
  if (s.rolledBack) lines.push(`rolled back ${s.rolledBack} notes imported before the error`)
  for (const k of s.skipped) lines.push(`skipped ${k.item}: ${k.reason}`)
  if (s.warnings.length) lines.push(`${s.warnings.length} warnings:`, ...s.warnings.slice(0, 20).map((w) => `  ${w.item}: ${w.message}`))
  return lines.join('\n')
}

/** tickler import <file.enex|board.json> [--notebook N] [--allow-duplicate] [--rollback] [--json] */
export async function importCommand(ctx: Context): Promise<void> {
  const file = ctx.positionals[0]
  if (!file) throw new UsageError('import needs a file: tickler import <file.enex|board.json> [--notebook N]')
  await withLibrary(ctx, true, async (library) => {
    const store = new AttachmentStore(library.dataDir)
    const abort = new AbortController()
    const stop = () => abort.abort()
    process.once('SIGINT', stop)
    try {
      const summary = await runImport(
        { library, store: (b, n, m, w, batch) => store.add(b, n, m, w, batch), tempRoot: join(library.dataDir, 'cache') },
        {
          jobId: 'cli',
          path: resolve(file),
          name: basename(file),
          options: {
            notebook: typeof ctx.values.notebook === 'string' ? ctx.values.notebook : undefined,
            allowDuplicate: ctx.values['allow-duplicate'] === true,
            onFault: ctx.values.rollback === true ? 'rollback' : 'keep',
          },
          signal: abort.signal,
          onProgress: ctx.json ? undefined : (p) => process.stderr.isTTY && process.stderr.write(`\r${p.imported} imported, ${p.skipped} skipped, ${Math.round((100 * p.bytesRead) / Math.max(1, p.bytesTotal))}%   `),
        },
      )
      if (!ctx.json && process.stderr.isTTY) process.stderr.write('\n')
      ctx.io.out(ctx.json ? JSON.stringify(summary) : describe(summary))
      if (summary.status === 'failed') process.exitCode = 1
    } finally {
      process.off('SIGINT', stop)
    }
  })
}

/** tickler export --markdown <dir> */
export async function exportCommand(ctx: Context): Promise<void> {
  const dir = typeof ctx.values.markdown === 'string' ? ctx.values.markdown : undefined
  if (!dir) throw new UsageError('export needs a folder: tickler export --markdown <dir>')
  await refuseSystemFolder(resolve(dir), 'Not exported')
  await withLibrary(ctx, false, async (library) => {
    const r = await exportLibraryMarkdown(library, resolve(dir))
    ctx.io.out(ctx.json ? JSON.stringify(r) : `Exported ${r.notes} notes in ${r.notebooks} notebooks (${r.attachments} attachments) to ${r.folder}`)
  })
}

/** tickler bench --enex-gb N | --enex-notes N */
export async function enexBench(ctx: Context): Promise<void> {
  const target = enexTarget(ctx)
  const r = await runEnexBench(target, (line) => !ctx.json && ctx.io.err(line))
  ctx.io.out(
    ctx.json
      ? JSON.stringify(r)
      : [
          `file                  ${r.fileMB} MB, ${r.notes} notes (${'gb' in target ? 'one 768 KB picture each' : 'text, every tenth with a 6 KB picture'})`,
          `import                ${r.importS} s (${r.mbPerS} MB/s, ${r.notesPerS} notes/s), ${r.status}`,
          `peak RSS              ${r.peakRssMB} MB (whole process, during the import)`,
          `heap after            ${r.heapAfterMB} MB`,
          `generate              ${r.generateS} s`,
        ].join('\n'),
  )
}

function enexTarget(ctx: Context): EnexBenchTarget {
  if (ctx.values['enex-notes'] !== undefined) {
    const notes = Number(ctx.values['enex-notes'])
    if (!Number.isInteger(notes) || notes < 1 || notes > 1_000_000)
      throw new UsageError('--enex-notes must be a whole number from 1 to 1000000')
    return { notes }
  }
  const gb = Number(ctx.values['enex-gb'])
  if (!(gb > 0 && gb <= 16)) throw new UsageError('--enex-gb must be a number of gigabytes from 0.01 to 16')
  return { gb }
}
