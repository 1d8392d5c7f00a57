import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { INBOX_ID } from '../shared/domain/notes'
import { TicklerError } from '../shared/rpc'
import { AttachmentStore } from '../core/attachments/store'
import { refuseSystemFolder } from '../core/system-folders'
import { buildExport, writeExportFolder } from '../core/transfer/export'
import { importFiles } from '../core/transfer/import'
import { readImportPath } from '../core/transfer/read-paths'
import type { Library } from '../core'
import { withLibrary, type Context } from './commands'
import { UsageError } from './io'

/** What `tickler import` hands to the Markdown importer rather than the Evernote/Trello one. */
export const isMarkdownSource = async (path: string): Promise<boolean> =>
  /\.(md|markdown|zip)$/i.test(path) ||
  (await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  ))

function notebookIdOf(library: Library, nameOrId: string | undefined): string | undefined {
  if (nameOrId === undefined) return undefined
  const wanted = nameOrId.toLocaleLowerCase()
  const match = library
    .listNotebooks()
    .find((nb) => nb.id === nameOrId || nb.name.toLocaleLowerCase() === wanted)
  if (!match) throw new TicklerError('NOT_FOUND', `There is no notebook named "${nameOrId}".`)
  return match.id
}

/** tickler import <file.md|folder|export.zip> [--notebook N] */
export async function importMarkdown(ctx: Context): Promise<void> {
  const source = ctx.positionals[0]
  if (!source)
    throw new UsageError('import needs a file or folder: tickler import <file.md|dir> [--notebook N]')
  const files = await readImportPath(resolve(source))
  await withLibrary(ctx, true, async (library) => {
    const notebookId = notebookIdOf(library, ctx.values.notebook as string | undefined)
    const result = await importFiles(library, new AttachmentStore(library.dataDir), files, notebookId)
    if (ctx.json) return ctx.io.out(JSON.stringify(result))
    const lines = [
      `Imported ${result.imported.length} notes (${result.attachments} attachments) from ${source}`,
    ]
    for (const s of result.skipped) lines.push(`skipped ${s.path}: ${s.reason}`)
    ctx.io.out(lines.join('\n'))
  })
}

/** tickler export --markdown <dir> --notebook N  (or --html <dir>): one notebook, attachments beside it. */
export async function exportNotebook(ctx: Context): Promise<void> {
  const html = typeof ctx.values.html === 'string' ? ctx.values.html : undefined
  const dir = html ?? (typeof ctx.values.markdown === 'string' ? ctx.values.markdown : undefined)
  if (!dir) throw new UsageError('export needs a folder: tickler export --markdown <dir> [--notebook N]')
  await withLibrary(ctx, false, async (library) => {
    const notebookId = notebookIdOf(library, (ctx.values.notebook as string | undefined) ?? INBOX_ID)!
    const store = new AttachmentStore(library.dataDir)
    const { folder, files } = await buildExport(library, store, { notebookId }, html ? 'html' : 'markdown')
    await refuseSystemFolder(resolve(dir), 'Not exported')
    const written = await writeExportFolder(resolve(dir), folder, files)
    ctx.io.out(
      ctx.json
        ? JSON.stringify({ folder: written, files: files.length })
        : `Exported ${files.length} files to ${written}`,
    )
  })
}
