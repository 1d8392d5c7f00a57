import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHandlers, openLibrary } from '../../electron/core/index'
import type { EventName } from '../../electron/shared/contract'
import { repoRoot } from './build-renderer'
import type { PreviewBackend } from './preview-server'

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }

/** The real core over a data folder, exactly as the app's main process would open it. */
export async function openCoreBackend(dataDir: string): Promise<PreviewBackend> {
  const library = await openLibrary(dataDir, { holder: 'preview' })
  const handlers = createHandlers(library, {
    version,
    platform: process.platform,
    preview: true,
    // A browser tab opening OS windows from a test server would be surprising; report it as not opened.
    openExternal: async () => false,
  })
  return {
    handlers,
    subscribe(listener: (event: EventName, payload: unknown) => void) {
      return library.onChange((change) => listener('library.changed', change))
    },
    close: () => library.close(),
  }
}
