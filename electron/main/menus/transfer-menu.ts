import { dialog, type BrowserWindow } from 'electron'
import type { Library } from '../../core'
import { AttachmentStore } from '../../core/attachments/store'
import { importFiles } from '../../core/transfer/markdown/import-files'
import { readImportPath } from '../../core/transfer/markdown/read-paths'
import type { ImportJobs } from '../../core/transfer/import/jobs'
import type { EventPayload } from '../../shared/contract'
import { chooseImportPaths, chooseNoteExports } from '../host/host-files'

/** The File menu's import section: what its two items do when chosen. */
export interface TransferMenu {
  /** File > Import Markdown…: files, folders or a Tickler export zip, through the native picker. */
  importMarkdown: () => void
  /** File > Import Evernote or Trello…: .enex or a Trello board's .json, with progress in the window. */
  importNotes: () => void
}

export interface TransferMenuDeps {
  /** The open library; undefined once quitting has closed it, when the items do nothing. */
  library: () => Library | undefined
  jobs: ImportJobs
  /** The main window, brought forward (or opened) so the dialog and the progress have a home. */
  showMain: () => BrowserWindow
  /** Tells the windows about files picked for an Evernote/Trello import ('transfer.importOpened'). */
  opened: (payload: EventPayload<'transfer.importOpened'>) => void
}

export function createTransferMenu(deps: TransferMenuDeps): TransferMenu {
  return {
    importMarkdown: () => {
      const library = deps.library()
      if (library) void importFromDialog(library, deps.showMain())
    },
    importNotes: () => void importNotesFromDialog(deps.jobs, deps.showMain(), deps.opened),
  }
}

/**
 * File > Import Markdown…: the native picker, then the same core import the window's Import button uses.
 * The outcome (or the reason nothing was imported) is shown in a message box, never swallowed.
 */
async function importFromDialog(library: Library, win: BrowserWindow | undefined): Promise<void> {
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
async function importNotesFromDialog(
  jobs: ImportJobs,
  win: BrowserWindow | undefined,
  opened: TransferMenuDeps['opened'],
): Promise<void> {
  const paths = await chooseNoteExports(win)
  if (paths.length === 0) return
  opened({ uploads: await Promise.all(paths.map((path) => jobs.registerPath(path))) })
}
