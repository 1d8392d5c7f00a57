import type { SyncStore } from '../../shared/contract-sync'
import { openBoardStore, type BoardStore } from '../boards/store'
import { openSavedSearchStore, type SavedSearchStore } from '../saved-searches'
import { openSettings, type Settings } from '../settings'

/** Which library-level store a sync pass changed, so the host's screens can read it again. */
export type StoreChange = SyncStore

/**
 * The stores a pass reads and writes: the very objects the host already holds open (the app's board
 * handlers, saved searches and follow-up settings), so sync is never a second writer of their files —
 * lowdb keeps each document in memory, and a second copy would overwrite the first one's writes.
 */
export interface SyncStores {
  boards: () => Promise<BoardStore>
  searches: SavedSearchStore
  settings: Settings
  /** Told after a pass wrote one of them. */
  changed?: (what: StoreChange) => void
}

/** For a process that holds no store of its own yet (the CLI): opens each once. */
export async function openSyncStores(dataDir: string): Promise<SyncStores> {
  const boards = openBoardStore(dataDir)
  // Opened now so a damaged file is reported before the first pass, not half-way through it.
  await boards
  return {
    boards: () => boards,
    searches: openSavedSearchStore(dataDir),
    settings: await openSettings(dataDir, false),
  }
}
