/** Which reader a file goes to. */
export type ImportFormat = 'enex' | 'trello'

export interface ImportOptions {
  /** The notebook to import into, by name (created when missing); by default one named after the file. */
  notebook?: string
  /** Import even though this file was imported before. Without it, a repeat import stops and asks. */
  allowDuplicate?: boolean
  /** When the file turns out broken halfway (or the user cancels): keep the notes already imported, or remove them. */
  onFault?: 'keep' | 'rollback'
}

export interface ImportProgress {
  jobId: string
  file: string
  bytesRead: number
  bytesTotal: number
  imported: number
  skipped: number
}

export interface SkippedItem {
  /** "note 3 (line 120) "Groceries"" or "card "Call Bob"": enough to find it in the source. */
  item: string
  reason: string
}

export interface ImportSummary {
  jobId: string
  file: string
  format: ImportFormat
  /** 'already-imported': nothing was done; ask the user, then call again with allowDuplicate. */
  status: 'done' | 'failed' | 'cancelled' | 'already-imported'
  notebook: { id: string; name: string } | null
  board: { id: string; name: string } | null
  imported: number
  noteIds: string[]
  skipped: SkippedItem[]
  warnings: { item: string; message: string }[]
  /** Why the file could not be read to its end, naming the place. */
  fault: { message: string; line: number | null; column: number | null } | null
  /** Notes removed again because the user chose to roll back on a fault or a cancel. */
  rolledBack: number
  /** When this file was imported before (for 'already-imported'). */
  previouslyImportedAt: string | null
  /** Notes an earlier, interrupted import of this file had written; this one carried on after them. */
  resumedAfter: number
  ms: number
}
