import { mkdir } from 'node:fs/promises'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { TicklerError } from '../../shared/rpc'
import type { Library } from '../types'
import { SyncEngine } from './engine'
import { clearOwnTemp, listFolder } from './folder'
import { librariesIn, readManifests } from './read-plan'
import { SYNC_FORMAT } from './envelope'
import { loadState, newHexId, type SyncState } from './state'
import type { SyncStores } from './stores'

export interface StartOptions {
  /** The sync folder; needed the first time, afterwards the one recorded is used. */
  folder?: string
  /** This device's name as the other devices show it (default: the computer's name). */
  deviceName?: string
  /** Join a folder holding a different library, combining the two. */
  merge?: boolean
  /** Logs after which this device compacts its files (tests use a small number). */
  compactAfter?: number
}

/**
 * Starts syncing a library: with the state it recorded, or by joining `folder` as a new device — of
 * the folder's library when it has one (every device there must agree which), or as its first device.
 * `stores` are the host's open stores (stores.ts).
 */
export async function startSync(
  lib: Library,
  stores: SyncStores,
  options: StartOptions,
): Promise<SyncEngine> {
  const known = await loadState(lib.dataDir)
  const folder = options.folder === undefined ? undefined : resolve(options.folder)
  if (known && folder && folder !== known.folder) {
    throw new TicklerError(
      'CONFLICT',
      `This library already syncs with ${known.folder}. Using a second folder would split it; move that folder instead, or point --folder at it.`,
    )
  }
  let state = known
  if (!state) {
    if (!folder)
      throw new TicklerError(
        'BAD_INPUT',
        'This library does not sync yet: choose a folder with --folder DIR.',
      )
    state = await joinState(folder, options.deviceName ?? hostname())
  }
  if (options.deviceName !== undefined && options.deviceName !== state.deviceName) {
    state.deviceName = options.deviceName.slice(0, 200)
  }
  await clearOwnTemp(state.folder, state.deviceId)
  return SyncEngine.create(lib, stores, state, known === null, options.merge ?? false, options.compactAfter)
}

async function joinState(folder: string, deviceName: string): Promise<SyncState> {
  try {
    // Chosen now, so it may be new; once joined, a missing folder is reported, never made again empty.
    await mkdir(folder, { recursive: true })
    await listFolder(folder)
  } catch (error) {
    throw new TicklerError(
      'NOT_FOUND',
      `The sync folder ${folder} cannot be read (${(error as Error).message}).`,
    )
  }
  const listing = await listFolder(folder)
  const manifests = await readManifests(folder, listing.devices)
  const newer = [...manifests.values()].find((m) => m.format > SYNC_FORMAT)
  if (newer) {
    throw new TicklerError(
      'CONFLICT',
      `The device "${newer.name}" syncs ${folder} with a newer Tickler; update this one first.`,
    )
  }
  const libraries = await librariesIn(listing, manifests)
  if (libraries.size > 1) {
    throw new TicklerError(
      'CONFLICT',
      `The sync folder ${folder} holds ${libraries.size} different libraries; choose one folder per library.`,
    )
  }
  return {
    format: 1,
    folder,
    deviceId: newHexId(),
    deviceName: deviceName.slice(0, 200),
    libraryId: [...libraries][0] ?? newHexId(),
    nextSeq: 1,
    applied: [],
    lastSyncAt: null,
    devices: {},
    problems: [],
    waiting: 0,
  }
}
