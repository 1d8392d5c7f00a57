import { dialog, type BrowserWindow } from 'electron'
import type { Library } from '../core'
import { AttachmentStore } from '../core/attachments/store'
import { importFiles } from '../core/transfer/markdown/import-files'
import { readImportPath } from '../core/transfer/markdown/read-paths'
import type { ImportJobs } from '../core/transfer/import/jobs'
import type { EventPayload } from '../shared/contract'
import { chooseImportPaths, chooseNoteExports } from './host-files'

/**
 * File > Import Markdown…: the native picker, then the same core import the window's Import button uses.
 * The outcome (or the reason nothing was imported) is shown in a message box, never swallowed.
 */
export async function importFromDialog(library: Library, win: BrowserWindow | undefined): Promise<void> {
  const paths = await chooseImportPaths(win)
  if (paths.length === 0) return
  let message: string
  let detail = ''
  try {
    const files = (await Promise.all(paths.map(readImportPath))).flat()
    const result = await importFiles(library, new AttachmentStore(library.dataDir), files)
    message = `Imported ${result.imported.length} ${result.imported.length === 1 ? 'note' : 'notes'} into Inbox.`
    detail = result.skipped.map((s) => `Skipped ${s.path}: ${s.reason}`).join('\n')
  } catch (error) {
    message = `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`
  }
  const options = { type: 'info' as const, title: 'Import Markdown', message, detail }
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
}

/**
 * File > Import Evernote or Trello…: main picks the files (the page never sees a path) and registers them
 * as uploads; the window is told and runs them like its own, with the progress bar and the summary.
 */
export async function importNotesFromDialog(
  jobs: ImportJobs,
  win: BrowserWindow | undefined,
  opened: (payload: EventPayload<'transfer.importOpened'>) => void,
): Promise<void> {
  const paths = await chooseNoteExports(win)
  if (paths.length === 0) return
  opened({ uploads: await Promise.all(paths.map((path) => jobs.registerPath(path))) })
}
