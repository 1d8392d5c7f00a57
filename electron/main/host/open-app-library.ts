import { app, dialog } from 'electron'
import { openLibrary, type Library } from '../../core/index'

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
}

/**
 * Opens the library for the app. When it cannot (another Tickler holds it, or it cannot be read) the
 * user is told why and which folder in an error box, and the app exits: undefined means it is exiting.
 */
export async function openAppLibrary(dataDir: string): Promise<Library | undefined> {
  try {
    return await openLibrary(dataDir, { holder: 'app' })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const title =
      errorCode(error) === 'LOCKED' ? 'The Tickler library is in use' : 'Tickler could not open its library'
    dialog.showErrorBox(title, `${message}\n\nLibrary folder: ${dataDir}`)
    app.exit(1)
    return undefined
  }
}
