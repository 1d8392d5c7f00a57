import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync, writeSync } from 'node:fs'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { z } from 'zod'
import { ATTACHMENT_FILE } from '../../../shared/domain/attachment'
import { NoteId, NotebookId, isoTimeSchema } from '../../../shared/model'
import { parseJson } from '../../json-document'

/** Imports under way: one log per source file, named by its fingerprint. Not in cache/: it is not derived. */
export const IMPORT_LOG_DIR = 'imports-in-progress'
const fdatasyncAsync = promisify(fdatasync)
const LOG_NAME = /^([0-9a-f]{64})\.log$/

const Start = z.object({
  name: z.string().min(1).max(255),
  onFault: z.enum(['keep', 'rollback']),
  notebookId: NotebookId,
  notebookCreated: z.boolean(),
  startedAt: isoTimeSchema,
})
type Start = z.infer<typeof Start>

/** Each line of a log, checked like any document read from disk: a note line is a note id, nothing else. */
const Line = z.union([
  z.object({ start: Start }),
  z.object({ note: NoteId }),
  z.object({ attachment: z.string().regex(ATTACHMENT_FILE) }),
  z.object({ board: NoteId }),
  z.object({ done: z.literal(true) }),
  // The first `committed` notes named are durably in the library; any named after them are not, and are
  // removed before the import carries on (a batch of notes is written together; see import-batch.ts).
  z.object({ committed: z.number().int().nonnegative() }),
])
type Line = z.infer<typeof Line>

export interface ImportLogState {
  fingerprint: string
  /** The first run (which made the notebook, if one was made) and the latest one (whose choice on a fault holds). */
  first: Start
  last: Start
  /** Ids of the notes the import wrote, in order; those after `committed` may not have reached the disk. */
  notes: string[]
  /** How many of `notes` are durably written; null for a log from before notes were written in batches. */
  committed: number | null
  /** Attachment files the import added to the store (not ones that were there already). */
  attachments: string[]
  board: string | null
  /** The import ended and only its entry in imports.json may be missing. */
  done: boolean
}

const logPath = (dataDir: string, fingerprint: string) => join(dataDir, IMPORT_LOG_DIR, `${fingerprint}.log`)

function parseLog(fingerprint: string, text: string): ImportLogState | null {
  let state: ImportLogState | null = null
  for (const raw of text.split('\n')) {
    const parsed = raw ? parseJson(raw, Line) : null
    if (!parsed?.ok) continue // a torn last line, or damage: never trusted
    const line: Line = parsed.data
    if ('start' in line) {
      state ??= {
        fingerprint,
        first: line.start,
        last: line.start,
        notes: [],
        attachments: [],
        board: null,
        done: false,
        committed: null,
      }
      state.last = line.start
    } else if (!state) continue
    else if ('note' in line) state.notes.push(line.note)
    else if ('attachment' in line) state.attachments.push(line.attachment)
    else if ('board' in line) state.board = line.board
    else if ('committed' in line) {
      // A count below the list's length also drops the uncommitted notes named after it: they were removed.
      state.notes.length = Math.min(line.committed, state.notes.length)
      state.committed = state.notes.length
    } else state.done = true
  }
  return state
}

export async function readImportLog(dataDir: string, fingerprint: string): Promise<ImportLogState | null> {
  const text = await readFile(logPath(dataDir, fingerprint), 'utf8').catch(() => null)
  return text === null ? null : parseLog(fingerprint, text)
}

/** Every import log in the library; a log with no valid start line was made just before a crash and recorded nothing. */
export async function allImportLogs(dataDir: string): Promise<{ fingerprint: string; state: ImportLogState | null }[]> {
  const names = await readdir(join(dataDir, IMPORT_LOG_DIR)).catch(() => [] as string[])
  const logs = []
  for (const name of names) {
    const fingerprint = LOG_NAME.exec(name)?.[1]
    if (fingerprint) logs.push({ fingerprint, state: await readImportLog(dataDir, fingerprint) })
  }
  return logs
}

export async function removeImportLog(dataDir: string, fingerprint: string): Promise<void> {
  await rm(logPath(dataDir, fingerprint), { force: true })
}

/**
 * Appends to one import's log. Every line is synced before the write it announces (the note, the
 * attachment file), like the library's journal, so after a crash the log names everything the import
 * may have written and the next open can remove it again or carry on after it. Lines for a batch's
 * files are appended unsynced and synced once, before the first of those files is put in place.
 */
export class ImportLogWriter {
  private fd: number | null = null
  private unsynced = false

  private constructor(private readonly path: string) {}

  static async open(dataDir: string, fingerprint: string): Promise<ImportLogWriter> {
    await mkdir(join(dataDir, IMPORT_LOG_DIR), { recursive: true })
    return new ImportLogWriter(logPath(dataDir, fingerprint))
  }

  append(line: Line, options: { sync: boolean } = { sync: true }): void {
    this.appendAll([line])
    if (options.sync) this.sync()
  }

  /** Appends lines in one write, unsynced (a batch's notes: synced once, before the first is placed). */
  appendAll(lines: Line[]): void {
    if (!lines.length) return
    const created = this.fd === null
    this.fd ??= openSync(this.path, 'a', 0o600)
    writeSync(this.fd, lines.map((line) => `${JSON.stringify(line)}\n`).join(''))
    this.unsynced = true
    if (created && process.platform !== 'win32') {
      // The log's own name must survive a power cut too, not only its bytes.
      const dir = openSync(dirname(this.path), 'r')
      try {
        fsyncSync(dir)
      } finally {
        closeSync(dir)
      }
    }
  }

  /** Makes every line appended so far durable. */
  sync(): void {
    if (this.fd !== null && this.unsynced) fdatasyncSync(this.fd)
    this.unsynced = false
  }

  /** sync() in the thread pool, so the import reads on while the disk catches up. */
  async syncInBackground(): Promise<void> {
    if (this.fd === null || !this.unsynced) return
    // Cleared first: a line appended during the wait may or may not be covered, so it marks the log again.
    this.unsynced = false
    await fdatasyncAsync(this.fd)
  }

  async remove(): Promise<void> {
    this.close()
    await rm(this.path, { force: true })
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
