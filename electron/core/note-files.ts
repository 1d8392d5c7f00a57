import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { NoteId, type Note, type NoteSummary } from '../shared/model'
import { summaryOf } from '../shared/domain/notes'
import { linkedNoteIds } from '../shared/note-link'
import { randomHex } from './random-hex'
import { TEMP_PREFIX, fsyncDir, writeFileDurable, type DurableBatch } from './durable-file'
import { NewerSchemaError, upgradeNote } from './migrations'
import type { CorruptFile } from './types'

const NOTE_FILE = /^(.+)\.json$/

/**
 * Ids read from any file (journal lines, snapshot columns, import records) become file names: only an
 * id of the note-id form may, so a line such as `../../outside/x` never names a path outside notes/.
 */
export const isNoteId = (id: unknown): id is string => NoteId.safeParse(id).success

/** Lower-case hex so ids stay distinct on case-insensitive file systems (Windows, macOS). */
export const newId = (): string => randomHex(8)

export class NoteFiles {
  constructor(
    readonly dataDir: string,
    readonly notesDir = join(dataDir, 'notes'),
    readonly corruptDir = join(dataDir, 'corrupt'),
  ) {}

  pathOf(id: string): string {
    if (!isNoteId(id)) throw new Error(`"${String(id).slice(0, 80)}" is not a note id`)
    return join(this.notesDir, `${id}.json`)
  }

  async listIds(): Promise<string[]> {
    const names = await readdir(this.notesDir).catch(() => [] as string[])
    const ids: string[] = []
    for (const name of names) {
      const match = NOTE_FILE.exec(name)
      if (match && isNoteId(match[1])) ids.push(match[1])
    }
    return ids
  }

  /** Removes temp files a crash left behind; they never hold the only copy of anything. */
  async removeTempFiles(): Promise<void> {
    const names = await readdir(this.notesDir).catch(() => [] as string[])
    await Promise.all(
      names.filter((n) => n.startsWith(TEMP_PREFIX)).map((n) => unlink(join(this.notesDir, n)).catch(() => undefined)),
    )
  }

  async read(id: string): Promise<{ note: Note; migrated: boolean }> {
    return parseNote(id, await readFile(this.pathOf(id), 'utf8'))
  }

  /** Also true for a file a sync tool added that the list has not picked up yet. (One stat: no round trip.) */
  exists(id: string): boolean {
    return existsSync(this.pathOf(id))
  }

  async write(note: Note): Promise<void> {
    await writeFileDurable(this.pathOf(note.id), fileText(note))
  }

  /** Stages a note's file (its text from fileText) in a batch: it is in place, durably, once the batch commits. */
  stage(id: string, text: string, batch: DurableBatch): Promise<void> {
    return batch.stage(this.pathOf(id), text)
  }

  /** Removes the file for good: the folder is synced, so a crash cannot bring the note back. */
  async remove(id: string): Promise<void> {
    await unlink(this.pathOf(id))
    await fsyncDir(this.notesDir)
  }

  /** Moves an unreadable file out of the way (never overwriting it) and says where it went. */
  async moveAside(id: string, reason: string): Promise<CorruptFile> {
    await mkdir(this.corruptDir, { recursive: true })
    const from = this.pathOf(id)
    const to = join(this.corruptDir, `${id}.${Date.now()}.${randomBytes(2).toString('hex')}.json`)
    await rename(from, to)
    return { file: relative(this.dataDir, from), movedTo: relative(this.dataDir, to), reason }
  }

  /** Synchronous read for bulk loading: async readFile costs several thread-pool round trips a file. */
  private readSync(id: string): { note: Note; migrated: boolean } {
    const text = readFileSync(this.pathOf(id), 'utf8')
    return parseNote(id, text)
  }

  /**
   * Reads many notes, yielding to the event loop every batch so a large rebuild never freezes the app.
   * Unreadable files are moved aside (or, read-only, just reported); files from a newer Tickler are
   * reported and left untouched so that version can still read them.
   */
  async readMany(
    ids: Iterable<string>,
    options: { readOnly: boolean },
  ): Promise<{ notes: Note[]; migrated: Note[]; corrupt: CorruptFile[] }> {
    const notes: Note[] = []
    const migrated: Note[] = []
    const corrupt: CorruptFile[] = []
    let sinceYield = 0
    for (const id of ids) {
      if (!isNoteId(id)) continue
      if (++sinceYield === 200) {
        sinceYield = 0
        await new Promise((resolve) => setImmediate(resolve))
      }
      try {
        const result = this.readSync(id)
        notes.push(result.note)
        if (result.migrated) migrated.push(result.note)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        const reason = (error as Error).message
        const file = relative(this.dataDir, this.pathOf(id))
        if (options.readOnly || error instanceof NewerSchemaError) corrupt.push({ file, movedTo: '', reason })
        else corrupt.push(await this.moveAside(id, reason))
      }
    }
    return { notes, migrated, corrupt }
  }
}

/** A note file's text: what every writer puts on disk and read() parses back. */
export const fileText = (note: Note): string => `${JSON.stringify(note)}\n`

function parseNote(id: string, text: string): { note: Note; migrated: boolean } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`not valid JSON (${(error as Error).message})`)
  }
  const result = upgradeNote(raw)
  if (result.note.id !== id) throw new Error(`its id "${result.note.id}" does not match its file name`)
  return result
}

/** The list row core keeps for a note (the domain's rule, with the links core's parser reads). */
export const summaryWithLinks = (note: Note): NoteSummary => summaryOf(note, linkedNoteIds(note.doc.content))
