import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { NoteSummary } from '../shared/model'
import { writeFileDurable } from './durable-file'
import { parseJson } from './json-document'

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

const columnSchemas = Object.fromEntries(COLUMNS.map((c) => [c, z.array(NoteSummary.shape[c])])) as {
  [K in (typeof COLUMNS)[number]]: z.ZodArray<(typeof NoteSummary.shape)[K]>
}

/** Every column is checked against NoteSummary's own field schema: a cache is validated like a document. */
const SnapshotFile = z
  .object({
    version: z.literal(SNAPSHOT_VERSION),
    coversJournalsBelow: z.number().int().positive(),
    count: z.number().int().nonnegative(),
    columns: z.object(columnSchemas),
  })
  .refine((file) => COLUMNS.every((c) => file.columns[c].length === file.count), 'columns of different lengths')
type SnapshotFile = { version: number; coversJournalsBelow: number; count: number; columns: Columns }

export const snapshotPath = (cacheDir: string) => join(cacheDir, 'snapshot.json')

/**
 * The start-up snapshot is a derived cache: anything wrong with it (missing, old version, unreadable,
 * a value of the wrong type) means "rebuild from the note files", never an error for the user.
 */
export function readSnapshot(cacheDir: string): Snapshot | null {
  let text: string
  try {
    // One synchronous read decodes the file at once; the async reader decodes it in many small chunks.
    text = readFileSync(snapshotPath(cacheDir), 'utf8')
  } catch {
    return null
  }
  const parsed = parseJson(text, SnapshotFile)
  if (!parsed.ok) return null
  const { columns, count } = parsed.data as SnapshotFile
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
  return { coversJournalsBelow: parsed.data.coversJournalsBelow, notes }
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
