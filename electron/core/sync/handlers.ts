import type { syncContract } from '../../shared/contract-sync'
import { TicklerError, type Handlers } from '../../shared/rpc'
import type { SyncService } from './service'

export interface SyncHost {
  /** The host's own folder dialog (Electron) or its configured choice (the preview); absent: none. */
  chooseSyncFolder?: () => Promise<string | undefined>
}

type SyncHandlers = Pick<Handlers, keyof typeof syncContract>

/**
 * The sync.* methods. The folder comes from the host, never from the renderer. A set-up refused because
 * the folder holds another library keeps that folder here, so "merge" needs no second dialog.
 */
export function createSyncHandlers(sync: SyncService, host: SyncHost): SyncHandlers {
  let refused: string | null = null
  return {
    'sync.status': () => sync.status(),
    'sync.setUp': async ({ deviceName, merge }) => {
      let folder = merge && refused ? refused : undefined
      if (!folder) {
        if (!host.chooseSyncFolder) {
          throw new TicklerError('FORBIDDEN', 'This window cannot choose a sync folder.')
        }
        folder = await host.chooseSyncFolder()
      }
      if (!folder) return { chosen: false, status: sync.status() }
      try {
        const status = await sync.setUp(folder, deviceName, merge ?? false)
        refused = null
        return { chosen: true, status }
      } catch (error) {
        refused = error instanceof TicklerError && error.code === 'CONFLICT' ? folder : null
        throw error
      }
    },
    'sync.rename': ({ deviceName }) => sync.rename(deviceName),
    'sync.stop': () => sync.stop(),
    'sync.now': () => sync.syncNow(),
  }
}
