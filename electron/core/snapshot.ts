import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { NoteSummary } from '../shared/model'
import { writeFileDurable } from './durable-file'

/** Bump when NoteSummary or the snapshot layout changes: an old snapshot is then rebuilt, never misread. */
export const SNAPSHOT_VERSION = 1

export interface Snapshot {
  version: number
  /** Every change recorded in journals numbered below this is already in `notes`. */
  coversJournalsBelow: number
  notes: NoteSummary[]
}

export const snapshotPath = (cacheDir: string) => join(cacheDir, 'snapshot.json')

/**
 * The start-up snapshot is a derived cache: anything wrong with it (missing, old version, unreadable)
 * means "rebuild from the note files", never an error for the user.
 */
export async function readSnapshot(cacheDir: string): Promise<Snapshot | null> {
  let text: string
  try {
    text = await readFile(snapshotPath(cacheDir), 'utf8')
  } catch {
    return null
  }
  try {
    const snapshot = JSON.parse(text) as Snapshot
    if (
      snapshot.version !== SNAPSHOT_VERSION ||
      !Number.isInteger(snapshot.coversJournalsBelow) ||
      !Array.isArray(snapshot.notes)
    ) {
      return null
    }
    return snapshot
  } catch {
    return null
  }
}

export async function writeSnapshot(cacheDir: string, snapshot: Snapshot): Promise<void> {
  await writeFileDurable(snapshotPath(cacheDir), JSON.stringify(snapshot))
}
