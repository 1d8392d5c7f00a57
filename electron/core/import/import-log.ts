import { closeSync, fdatasyncSync, fsyncSync, openSync, writeSync } from 'node:fs'
import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { ATTACHMENT_FILE } from '../../shared/domain/attachment'
import { NoteId, NotebookId, isoTimeSchema } from '../../shared/model'
import { parseJson } from '../json-document'

/** Imports under way: one log per source file, named by its fingerprint. Not in cache/: it is not derived. */
export const IMPORT_LOG_DIR = 'imports-in-progress'
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
])
type Line = z.infer<typeof Line>

export interface ImportLogState {
  fingerprint: string
  /** The first run (which made the notebook, if one was made) and the latest one (whose choice on a fault holds). */
  first: Start
  last: Start
  /** Ids of the notes the import wrote, in order; the last may not have reached the disk. */
  notes: string[]
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
      state ??= { fingerprint, first: line.start, last: line.start, notes: [], attachments: [], board: null, done: false }
      state.last = line.start
    } else if (!state) continue
    else if ('note' in line) state.notes.push(line.note)
    else if ('attachment' in line) state.attachments.push(line.attachment)
    else if ('board' in line) state.board = line.board
    else state.done = true
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
 * may have written and the next open can remove it again or carry on after it.
 */
export class ImportLogWriter {
  private fd: number | null = null

  private constructor(private readonly path: string) {}

  static async open(dataDir: string, fingerprint: string): Promise<ImportLogWriter> {
    await mkdir(join(dataDir, IMPORT_LOG_DIR), { recursive: true })
    return new ImportLogWriter(logPath(dataDir, fingerprint))
  }

  append(line: Line): void {
    const created = this.fd === null
    this.fd ??= openSync(this.path, 'a', 0o600)
    writeSync(this.fd, `${JSON.stringify(line)}\n`)
    fdatasyncSync(this.fd)
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

  async remove(): Promise<void> {
    this.close()
    await rm(this.path, { force: true })
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}
