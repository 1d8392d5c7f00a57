import type { Emit } from '../open-core'
import { openBoardStore } from '../boards/store'
import { openSavedSearchStore } from '../saved-searches'
import type { Settings } from '../settings'
import type { Library } from '../types'
import { SyncService } from './service'

/**
 * The sync service a host runs beside its handlers (Electron main, the preview, renderer tests), over
 * stores it opens once here and the handlers then share, its status and arrivals sent as events.
 */
export function createHostSync(library: Library, settings: Settings, emit: Emit): SyncService {
  const boards = openBoardStore(library.dataDir)
  return new SyncService({
    library,
    stores: { boards: () => boards, searches: openSavedSearchStore(library.dataDir), settings },
    onStatus: (status) => emit('sync.changed', status),
    onStores: (stores) => emit('sync.received', { stores }),
  })
}
