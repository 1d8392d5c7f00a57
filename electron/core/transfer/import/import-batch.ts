import type { Note } from '../../../shared/model'
import { DurableBatch } from '../../durable-file'
import type { PreparedNote } from '../../prepared-note'
import type { ImportedNoteInput, Library } from '../../types'
import type { ImportLogWriter } from './import-log'
import { removeNotes } from './recover'

/** A batch is committed at this many notes, this many staged bytes, or this long after the last commit. */
const MAX_NOTES = 250
const MAX_BYTES = 32 * 1024 * 1024
const MAX_MS = 1000

/**
 * Writes an import's notes (and the attachment files they show) in batches instead of one durable write
 * each, which made the import wait on several disk syncs per note. A batch is committed in this order:
 * the log lines naming its notes and new attachment files are synced; the attachment files, then the
 * notes, are made durable together; then a `committed` line is synced. Only then are its notes counted
 * as imported. A crash before that line leaves a batch the next open (or the next run) removes, so
 * carrying on imports each note once, and never loses one that was reported imported.
 *
 * A full batch is written while the reader goes on gathering the next one, so the file is read and
 * converted while the disk syncs. At most one batch is being written: the next waits for it (which
 * also keeps memory to two batches), and its notes are named in the log only after the first batch's
 * `committed` line, which counts the notes named before it.
 */
export class ImportBatch {
  /** Attachment files for the notes being gathered; the store stages into it. Each batch has its own. */
  files = new DurableBatch()
  private pending: PreparedNote[] = []
  private pendingBytes = 0
  private lastCommit = performance.now()
  /** The batch being written, if any; settles (never rejects) once it is committed or has failed. */
  private writing: Promise<void> = Promise.resolve()
  private readonly stop = new AbortController()
  /** Why a commit failed; the import stops there (`signal` is aborted) and ends as failed. */
  failure: Error | null = null

  constructor(
    private readonly library: Library,
    private readonly log: ImportLogWriter,
    /** Notes the log says are committed so far (a resumed import starts past the earlier run's). */
    private committed: number,
    private readonly onCommitted: (notes: Note[]) => void,
  ) {}

  /** Aborted when a commit fails, so the reader stops instead of converting notes that cannot be written. */
  get signal(): AbortSignal {
    return this.stop.signal
  }

  /**
   * Queues one note; starts writing the batch when it is full. A note the library would refuse (past
   * DOC_LIMITS, say) throws here, so it is skipped alone, not with its whole batch.
   */
  async add(input: ImportedNoteInput & { id: string }): Promise<void> {
    if (this.failure) return
    const prepared = this.library.prepareImport(input)
    this.pending.push(prepared)
    this.pendingBytes += prepared.text.length
    const full =
      this.pending.length >= MAX_NOTES ||
      this.pendingBytes + this.files.bytes >= MAX_BYTES ||
      performance.now() - this.lastCommit >= MAX_MS
    if (full) await this.send()
  }

  /** Makes everything gathered durable and waits for it; a failure is kept in `failure`. */
  async commit(): Promise<void> {
    await this.send()
    await this.writing
  }

  /** Waits for the batch being written, then drops what is gathered (an unexpected error ends the import). */
  async discard(): Promise<void> {
    await this.writing
    this.drop()
  }

  /** Starts writing what is gathered, once the batch before it is written. */
  private async send(): Promise<void> {
    await this.writing
    this.lastCommit = performance.now()
    if (this.failure) return this.drop()
    const notes = this.pending
    const files = this.files
    this.pending = []
    this.pendingBytes = 0
    this.files = new DurableBatch()
    if (!notes.length && !files.count) return
    this.log.appendAll(notes.map((p) => ({ note: p.note.id })))
    this.writing = this.write(notes, files)
  }

  private async write(notes: PreparedNote[], files: DurableBatch): Promise<void> {
    try {
      await this.log.syncInBackground()
      await files.commit() // before the notes that show them
      const written = notes.length ? await this.library.importPrepared(notes) : []
      this.committed += written.length
      this.log.append({ committed: this.committed }, { sync: false })
      await this.log.syncInBackground() // reported only once the line saying so is durable
      this.onCommitted(written)
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error))
      this.stop.abort()
      files.discard()
      try {
        // All or nothing: notes of this batch already in place go again, then the log forgets the batch.
        // If that fails too, the log still names them and the next open removes them.
        await removeNotes(this.library, notes.map((p) => p.note.id))
        this.log.append({ committed: this.committed })
      } catch {
        /* the first failure is the one reported */
      }
    }
  }

  private drop(): void {
    this.pending = []
    this.pendingBytes = 0
    this.files.discard()
  }
}
