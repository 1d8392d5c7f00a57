import type { Library } from '../types'
import { RevIndex } from './local-store'
import { syncDirOf } from './state'

/**
 * Local changes not yet in the sync folder: notes saved (or deleted) since their doc was last brought in
 * line with the library. Read-only, so `tickler status` can say it while the app holds the library.
 */
export function localChangesWaiting(lib: Library): number {
  const revs = new RevIndex(syncDirOf(lib.dataDir))
  try {
    let waiting = 0
    for (const s of lib.listNotes()) if (revs.revs.get(s.id) !== s.revision) waiting++
    for (const id of revs.revs.keys()) if (!id.startsWith('@') && !lib.summaryOf(id)) waiting++
    return waiting
  } finally {
    revs.close()
  }
}
