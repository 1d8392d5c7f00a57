import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { NoteSummary } from '../shared/model'
import { writeFileDurable } from './durable-file'

/** Bump when NoteSummary or the snapshot layout changes: an old snapshot is then rebuilt, never misread. */
export const SNAPSHOT_VERSION = 5

export interface Snapshot {
  /** Every change recorded in journals numbered below this is already in `notes`. */
  coversJournalsBelow: number
  /** Newest first, as the note list shows them. */
  notes: NoteSummary[]
}

/**
 * On disk the summaries are stored column by column: no key repeated 100,000 times, so the file is
 * smaller and JSON.parse builds arrays of strings instead of 100,000 objects.
 */
const COLUMNS = [
  'id',
  'title',
  'notebookId',
  'tags',
  'createdAt',
  'updatedAt',
  'revision',
  'snippet',
  'followUp',
  'doneAt',
  'archivedAt',
  'trashedAt',
  'board',
  'tasks',
  'media',
  'links',
] as const
type Columns = { [K in (typeof COLUMNS)[number]]: NoteSummary[K][] }

interface SnapshotFile {
  version: number
  coversJournalsBelow: number
  count: number
  columns: Columns
}

export const snapshotPath = (cacheDir: string) => join(cacheDir, 'snapshot.json')

/**
 * The start-up snapshot is a derived cache: anything wrong with it (missing, old version, unreadable)
 * means "rebuild from the note files", never an error for the user.
 */
export function readSnapshot(cacheDir: string): Snapshot | null {
  let file: SnapshotFile
  try {
    // One synchronous read decodes the file at once; the async reader decodes it in many small chunks.
    file = JSON.parse(readFileSync(snapshotPath(cacheDir), 'utf8')) as SnapshotFile
  } catch {
    return null
  }
  if (file?.version !== SNAPSHOT_VERSION || !Number.isInteger(file.coversJournalsBelow)) return null
  const { columns, count } = file
  if (!columns || !COLUMNS.every((c) => Array.isArray(columns[c]) && columns[c].length === count)) return null
  const notes = new Array<NoteSummary>(count)
  for (let i = 0; i < count; i++) {
    notes[i] = {
      id: columns.id[i]!,
      title: columns.title[i]!,
      notebookId: columns.notebookId[i]!,
      tags: columns.tags[i]!,
      createdAt: columns.createdAt[i]!,
      updatedAt: columns.updatedAt[i]!,
      revision: columns.revision[i]!,
      snippet: columns.snippet[i]!,
      followUp: columns.followUp[i]!,
      doneAt: columns.doneAt[i]!,
      archivedAt: columns.archivedAt[i]!,
      trashedAt: columns.trashedAt[i]!,
      board: columns.board[i]!,
      tasks: columns.tasks[i]!,
      media: columns.media[i]!,
      links: columns.links[i]!,
    }
  }
  return { coversJournalsBelow: file.coversJournalsBelow, notes }
}

export function serializeSnapshot(snapshot: Snapshot): string {
  const columns = Object.fromEntries(COLUMNS.map((c) => [c, snapshot.notes.map((n) => n[c])])) as Columns
  const file: SnapshotFile = {
    version: SNAPSHOT_VERSION,
    coversJournalsBelow: snapshot.coversJournalsBelow,
    count: snapshot.notes.length,
    columns,
  }
  return JSON.stringify(file)
}

export async function writeSnapshot(cacheDir: string, snapshot: Snapshot): Promise<void> {
  await writeFileDurable(snapshotPath(cacheDir), serializeSnapshot(snapshot))
}
