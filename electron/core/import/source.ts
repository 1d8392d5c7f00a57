import type { Board, LabelColors } from '../../shared/board'
import type { Note } from '../../shared/model'
import type { NoteDraft } from './draft'

/** What a format reader reports into; the job turns it into writes, counts and a summary. */
export interface SourceContext {
  /**
   * Queues one converted note for writing (all of it or nothing) and returns the id it gets; it is
   * written with its batch, and counted as imported once that batch is durably committed.
   */
  write(draft: NoteDraft, label: string): Promise<string>
  /** Finishes a note this import wrote (its links to other imported notes), keeping its dates. */
  rewrite(id: string, change: (note: Note) => Note): Promise<void>
  skip(label: string, reason: string): void
  warn(label: string, message: string): void
  bytes(read: number): void
  readonly signal: AbortSignal
  /** Folder for this job's temporary files; removed when the job ends. */
  readonly tempDir: string
  readonly notebookId: string
  now(): Date
  /** Creates a board through the host's one board store (two stores on boards.json would overwrite each other). */
  createBoard(name: string, columns: { name: string; done: boolean }[], labelColors?: LabelColors): Promise<Board>
}

/** A file that cannot be read to its end, with the place when the format has one. */
export class ImportFault extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(message)
    this.name = 'ImportFault'
  }
}
