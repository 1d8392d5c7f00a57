import { dialog, shell, type BrowserWindow } from 'electron'

/**
 * Opens a stored attachment with the OS's default app. Core has already resolved the path inside the
 * attachments folder; shell.openPath answers an error string instead of throwing, so both are turned
 * into "not opened" rather than an exception the renderer cannot explain.
 */
export async function openPathSafely(path: string): Promise<boolean> {
  try {
    const error = await shell.openPath(path)
    if (error) console.warn('Could not open attachment', error)
    return error === ''
  } catch (error) {
    console.warn('Could not open attachment', error)
    return false
  }
}

/** Shows an attachment in the file manager, selected, without running it (types the app will not open). */
export function showInFolder(path: string): void {
  shell.showItemInFolder(path)
}

/** Asks where an export goes; undefined when the user cancels. */
export async function chooseExportFolder(
  win: BrowserWindow | undefined,
  title: string,
): Promise<string | undefined> {
  const options = { title, properties: ['openDirectory', 'createDirectory'] as const }
  const result = win
    ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
    : await dialog.showOpenDialog({ ...options, properties: [...options.properties] })
  return result.canceled ? undefined : result.filePaths[0]
}

/** Asks which Markdown files or folders to import (File > Import). */
export async function chooseImportPaths(win: BrowserWindow | undefined): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import Markdown',
    properties: ['openFile', 'openDirectory', 'multiSelections'],
    filters: [{ name: 'Markdown or Tickler export', extensions: ['md', 'markdown', 'zip'] }],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths
}

/** The picker for Evernote exports and Trello board exports; the window then runs them with progress. */
export async function chooseNoteExports(win: BrowserWindow | undefined): Promise<string[]> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import Evernote or Trello',
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Evernote (.enex) or Trello board (.json)', extensions: ['enex', 'json'] }],
  }
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
  return result.canceled ? [] : result.filePaths
}
