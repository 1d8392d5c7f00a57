import { z } from 'zod'
import { method } from './contract-method'
import { isoTimeSchema } from './model'

/** What kind of problem, so the panel can say what to do; `detail` is the engine's own sentence. */
export const SyncProblemKind = z.enum([
  'folder-gone',
  'unreadable',
  'newer',
  'disk-full',
  'arriving',
  'other',
])
export type SyncProblemKind = z.infer<typeof SyncProblemKind>

/** The library-level stores a pass can write, so the screens showing them read them again. */
export const SyncStore = z.enum(['boards', 'searches', 'standards'])
export type SyncStore = z.infer<typeof SyncStore>

export const SyncStatus = z.object({
  /** off: not set up; synced; syncing: a pass is running; waiting: changes not out or files not in yet. */
  state: z.enum(['off', 'synced', 'syncing', 'waiting', 'problem']),
  folder: z.string().nullable(),
  device: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastSyncAt: isoTimeSchema.nullable(),
  /** Local changes not yet in the sync folder. */
  localChanges: z.number().int().nonnegative(),
  /** Files other devices announced that have not arrived yet. */
  arriving: z.number().int().nonnegative(),
  devices: z.array(z.object({ id: z.string(), name: z.string(), seenAt: isoTimeSchema.nullable() })),
  problems: z.array(z.object({ kind: SyncProblemKind, file: z.string(), detail: z.string() })).max(50),
  /** When the next try after a problem is due. */
  retryAt: isoTimeSchema.nullable(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

const DeviceName = z.string().trim().min(1).max(100)

/**
 * Sync through a folder another program keeps equal (Syncthing, Dropbox, OneDrive). The folder is
 * chosen in the host's own dialog, never named by the renderer: main writes into it.
 */
export const syncContract = {
  'sync.status': method(z.object({}), SyncStatus),
  /**
   * Asks the host for a folder and starts syncing with it. `merge` consents to combining this library
   * with a different one the folder holds (refused with CONFLICT and the reason otherwise). `chosen`
   * is false when the user closed the dialog.
   */
  'sync.setUp': method(
    z.object({ deviceName: DeviceName, merge: z.boolean().optional() }),
    z.object({ chosen: z.boolean(), status: SyncStatus }),
  ),
  'sync.rename': method(z.object({ deviceName: DeviceName }), SyncStatus),
  /** Stops syncing here; the sync folder and the library both stay as they are. */
  'sync.stop': method(z.object({}), SyncStatus),
  'sync.now': method(z.object({}), SyncStatus),
} as const

export const syncEvents = {
  /** The status moved (a pass started or ended, a problem, a local change waiting). */
  'sync.changed': SyncStatus,
  /** A pass wrote boards, saved searches or follow-up standards: screens showing them read them again. */
  'sync.received': z.object({ stores: z.array(SyncStore) }),
} as const
