import { randomBytes } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { isoTimeSchema } from '../../shared/model'
import { writeFileDurable } from '../durable-file'
import { DeviceId, LibraryId } from './packs'

/** <library>/sync/state.json: this device's identity in its sync folder and what it has read from it. */
export const Problem = z.object({
  file: z.string().max(300),
  /** incomplete / gone: still arriving, retried; newer: needs a newer Tickler; foreign / too-large: not ours. */
  reason: z.string().max(40),
  detail: z.string().max(500),
})
export type Problem = z.infer<typeof Problem>

export const SyncState = z.object({
  format: z.literal(1),
  folder: z.string().min(1).max(4096),
  deviceId: DeviceId,
  deviceName: z.string().max(200),
  libraryId: LibraryId,
  /** The next seq this device gives a pack of its own. */
  nextSeq: z.number().int().positive(),
  /** Folder files applied, as "<device>/<name>"; a base prunes the logs it covers. */
  applied: z.array(z.string().max(100)),
  lastSyncAt: isoTimeSchema.nullable(),
  /** Other devices seen in the folder: their manifest name and when they last wrote it. */
  devices: z.record(DeviceId, z.object({ name: z.string().max(200), updatedAt: isoTimeSchema.nullable() })),
  /** Files that could not be applied on the last pass (they are tried again on the next). */
  problems: z.array(Problem).max(1000),
  /** Files the folder announced but had not delivered yet (cloud placeholders, half-copied files). */
  waiting: z.number().int().nonnegative(),
})
export type SyncState = z.infer<typeof SyncState>

export const syncDirOf = (dataDir: string): string => join(dataDir, 'sync')
const statePath = (dataDir: string) => join(syncDirOf(dataDir), 'state.json')

export const newHexId = (): string => randomBytes(8).toString('hex')

/** null when this library has never been synced (or its state file is unreadable: it joins again). */
export async function loadState(dataDir: string): Promise<SyncState | null> {
  try {
    const parsed = SyncState.safeParse(JSON.parse(await readFile(statePath(dataDir), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export async function saveState(dataDir: string, state: SyncState): Promise<void> {
  await mkdir(syncDirOf(dataDir), { recursive: true })
  await writeFileDurable(statePath(dataDir), `${JSON.stringify(SyncState.parse(state), null, 1)}\n`)
}
