import type { Note } from '../../shared/model'
import { DurableBatch } from '../durable-file'
import { importedNote } from '../library'
import { checkNote } from '../note-check'
import type { ImportedNoteInput, Library } from '../types'
import type { ImportLogWriter } from './import-log'
import { removeNotes } from './recover'

/** A batch is committed at this many notes, this many staged bytes, or this long after the last commit. */
const MAX_NOTES = 250
const MAX_BYTES = 32 * 1024 * 1024
const MAX_MS = 1000

type Input = ImportedNoteInput & { id: string }

/**
 * Writes an import's notes (and the attachment files they show) in batches instead of one durable write
 * each, which made the import wait on several disk syncs per note. A batch is committed in this order:
 * the log lines naming its notes and new attachment files are synced; the attachment files, then the
 * notes, are made durable together; then a `committed` line is synced. Only then are its notes counted
 * as imported. A crash before that line leaves a batch the next open (or the next run) removes, so
 * carrying on imports each note once, and never loses one that was reported imported.
 */
export class ImportBatch {
  /** Attachment files for the pending notes; the attachment store stages into it. */
  readonly files = new DurableBatch()
  private pending: Input[] = []
  private pendingChars = 0
  private lastCommit = performance.now()
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
   * Queues one note, naming it in the log first; commits when the batch is full. A note the library
   * would refuse (past DOC_LIMITS, say) throws here, so it is skipped alone, not with its whole batch.
   */
  async add(input: Input): Promise<void> {
    if (this.failure) return
    checkNote(importedNote(input, input.id))
    this.log.append({ note: input.id }, { sync: false })
    this.pending.push(input)
    this.pendingChars += JSON.stringify(input.doc).length
    const full =
      this.pending.length >= MAX_NOTES ||
      this.pendingChars + this.files.bytes >= MAX_BYTES ||
      performance.now() - this.lastCommit >= MAX_MS
    if (full) await this.commit()
  }

  /** Makes everything pending durable; a failure is kept in `failure` (and removes what the batch placed). */
  async commit(): Promise<void> {
    const inputs = this.pending
    this.pending = []
    this.pendingChars = 0
    this.lastCommit = performance.now()
    if (this.failure || (!inputs.length && !this.files.count)) return
    try {
      this.log.sync()
      await this.files.commit() // before the notes that show them
      const notes = inputs.length ? await this.library.importNotes(inputs) : []
      this.committed += notes.length
      this.log.append({ committed: this.committed })
      this.onCommitted(notes)
    } catch (error) {
      this.failure = error instanceof Error ? error : new Error(String(error))
      this.stop.abort()
      this.files.discard()
      try {
        // All or nothing: notes of this batch already in place go again, then the log forgets the batch.
        // If that fails too, the log still names them and the next open removes them.
        await removeNotes(this.library, inputs.map((n) => n.id))
        this.log.append({ committed: this.committed })
      } catch {
        /* the first failure is the one reported */
      }
    }
  }

  /** Drops what is pending (an unexpected error ends the import); the log lets the next open clean up. */
  discard(): void {
    this.pending = []
    this.files.discard()
  }
}
