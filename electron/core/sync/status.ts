import type { SyncProblemKind, SyncStatus } from '../../shared/contract-sync'
import { TicklerError } from '../../shared/rpc'
import type { Problem, SyncState } from './state'

/** Why the last pass failed as a whole (the folder unreadable, the disk full). */
export interface PassProblem {
  kind: SyncProblemKind
  detail: string
}

/** A file's problem as the engine recorded it, as the panel groups it. */
const FILE_KINDS: Record<string, SyncProblemKind> = {
  incomplete: 'arriving',
  gone: 'arriving',
  newer: 'newer',
  foreign: 'unreadable',
  'too-large': 'unreadable',
  refused: 'unreadable',
}

export function problemOf(error: unknown): PassProblem {
  const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500)
  const code = (error as NodeJS.ErrnoException | null)?.code
  if (code === 'ENOSPC' || /ENOSPC|no space left/i.test(detail)) return { kind: 'disk-full', detail }
  if (error instanceof TicklerError && error.code === 'NOT_FOUND') return { kind: 'folder-gone', detail }
  if (/newer Tickler/.test(detail)) return { kind: 'newer', detail }
  return { kind: 'other', detail }
}

const fileProblem = (p: Problem) => ({
  kind: FILE_KINDS[p.reason] ?? 'other',
  file: p.file,
  detail: p.detail,
})

export interface Live {
  running: boolean
  error: PassProblem | null
  retryAt: Date | null
  localChanges: number
}

/** The status the panel and the sidebar show, from the recorded state and what the service is doing. */
export function statusOf(state: SyncState | null, live: Live): SyncStatus {
  if (!state) {
    return {
      state: live.running ? 'syncing' : 'off',
      folder: null,
      device: null,
      lastSyncAt: null,
      localChanges: 0,
      arriving: 0,
      devices: [],
      problems: live.error ? [{ ...live.error, file: '' }] : [],
      retryAt: null,
    }
  }
  const problems = [
    ...(live.error ? [{ ...live.error, file: '' }] : []),
    ...state.problems.map(fileProblem),
  ].slice(0, 50)
  const serious = problems.some((p) => p.kind !== 'arriving')
  const waiting = live.localChanges > 0 || state.waiting > 0
  return {
    state: live.running ? 'syncing' : serious ? 'problem' : waiting ? 'waiting' : 'synced',
    folder: state.folder,
    device: { id: state.deviceId, name: state.deviceName },
    lastSyncAt: state.lastSyncAt,
    localChanges: live.localChanges,
    arriving: state.waiting,
    devices: Object.entries(state.devices)
      .filter(([id]) => id !== state.deviceId)
      .map(([id, d]) => ({ id, name: d.name, seenAt: d.updatedAt })),
    problems,
    retryAt: live.retryAt?.toISOString() ?? null,
  }
}
