import type { MailStatus } from '../../shared/contract-mail'
import type { Folders } from './catch-up'
import type { StateDoc } from './sync-state'
import type { Watcher } from './watcher'

/** What one account is doing now, in memory only (the saved part is its SyncState). */
export interface Live {
  state: MailStatus['state']
  error: MailStatus['error']
  folders: Folders
  watcher: Watcher | null
  /** Callers of check() waiting for the watcher's next outcome. */
  waiting: (() => void)[]
}

export const stoppedLive = (): Live => ({
  state: 'stopped',
  error: null,
  folders: { sent: null, tickler: null },
  watcher: null,
  waiting: [],
})

/**
 * The status Settings shows: what is happening now, else what was saved. A stopped account whose last
 * check failed (before a restart) still shows that failure.
 */
export function statusOf(live: Live, saved: Readonly<StateDoc> | undefined): MailStatus {
  const error =
    live.error ?? (saved?.lastError ? { ...saved.lastError, retryAt: null, certificate: null } : null)
  return {
    state: live.error ? 'error' : live.state === 'stopped' && error ? 'error' : live.state,
    lastCheckedAt: saved?.lastCheckedAt ?? null,
    error,
    folders: live.folders,
    counts: saved?.counts ?? { tracked: 0, replies: 0, filed: 0 },
    skipped: saved?.skipped ?? [],
  }
}
