import type { InterruptedImport } from './transfer/import/recover'
import type { Note, NoteDoc, NoteSummary, Notebook } from '../shared/model'
import type { PreparedNote } from './prepared-note'

export interface OpenOptions {
  /** Clock used for createdAt/updatedAt; tests and the CLI's --now inject one. */
  now?: () => Date
  /** Open without taking the writer lock; every write then fails with LOCKED. */
  readOnly?: boolean
  /** Who holds the lock ("app", "cli", "preview"); shown to a second writer. */
  holder?: string
}

export interface CorruptFile {
  /** The file's name inside the data folder, as the user would find it. */
  file: string
  /** Where it was moved to, relative to the data folder. */
  movedTo: string
  reason: string
}

export interface OpenReport {
  corrupt: CorruptFile[]
  migrated: number
  /** True when the start-up snapshot was fresh enough to use. */
  fromSnapshot: boolean
  noteCount: number
  ms: number
  /** Notes that had been in the Trash longer than the retention period and were deleted at open. */
  purged: PurgedNote[]
  /** Imports a crash stopped, found (and rolled back or kept for resuming) at open. */
  imports: InterruptedImport[]
}

export interface PurgedNote {
  id: string
  title: string
  trashedAt: string
}

/** What a write changed, told to every listener once it is on disk. */
export interface LibraryChange {
  /** Every note written or removed. */
  noteIds: string[]
  notebooks: boolean
  /** The notes as written: listeners (search, the renderer's list) take them from here, never re-read. */
  notes: Note[]
  /** Notes gone from the library (deleted forever, or their file gone from the folder). */
  removed: string[]
}

export interface CreateNoteInput {
  notebookId?: string
  title?: string
  doc?: NoteDoc
  tags?: string[]
}

export interface UpdateNoteInput {
  title?: string
  doc?: NoteDoc
  tags?: string[]
  notebookId?: string
  baseRevision?: number
}

/** A note converted from another app: its own dates and state, but never an id (it always gets a new one). */
export type ImportedNoteInput = Omit<Note, 'schemaVersion' | 'id' | 'text' | 'revision' | 'trashedAt'> & {
  /** An id chosen (and logged) by the import before the write; never one a note already has. */
  id?: string
}

export interface NotesFilter {
  notebookId?: string
  tag?: string
}

export interface Library {
  readonly dataDir: string
  readonly report: OpenReport
  /** Settles once files added or removed outside the app (folder sync) are reflected in the list. */
  readonly reconciled: Promise<void>
  listNotes(filter?: NotesFilter): NoteSummary[]
  /** One note's summary, or undefined when there is no such note. */
  summaryOf(id: string): NoteSummary | undefined
  getNote(id: string): Promise<Note>
  createNote(input: CreateNoteInput): Promise<Note>
  updateNote(id: string, patch: UpdateNoteInput): Promise<Note>
  /**
   * Applies a pure change to one note in the write queue (read, change, durable write), for features
   * such as follow-ups that compute a note's next state. Returning the same object writes nothing.
   * A changed document gets its plain text derived again. `touch: false` keeps the note's updatedAt, for
   * an import finishing what it wrote (resolving links between imported notes), not the user editing.
   */
  mutateNote(id: string, change: (note: Note) => Note, options?: { touch?: boolean }): Promise<Note>
  /**
   * Writes an imported note in one durable write, keeping its dates and follow-up state. It gets a new
   * id, or the one given (notes made from mail are named by their message), which is refused with
   * CONFLICT when a note already has it: an import can never overwrite a note already in the library.
   */
  importNote(input: ImportedNoteInput): Promise<Note>
  /**
   * importNote for many notes at once: all are checked before any is written, then they are made
   * durable together (one journal sync, one sync pass, one folder sync) and told in one change event.
   */
  importNotes(inputs: ImportedNoteInput[]): Promise<Note[]>
  /**
   * The two halves of importNotes, for a bulk writer that reads notes one at a time: prepareImport
   * checks one note and serialises it (throwing BAD_INPUT as importNotes would, so that note alone is
   * skipped); importPrepared writes a batch of them as importNotes does, checking nothing twice.
   */
  prepareImport(input: ImportedNoteInput & { id: string }): PreparedNote
  importPrepared(prepared: PreparedNote[]): Promise<Note[]>
  /** The library's clock (injected by tests and the CLI's --now), for features that stamp notes. */
  now(): Date
  /** Counts leave out trashed notes: they live in the Trash, not in their old notebook. */
  listNotebooks(): (Notebook & { noteCount: number })[]
  /**
   * `given` keeps another device's id and creation time, for sync: a notebook is the same notebook on
   * every computer. Refused with CONFLICT when that id or the name is already taken.
   */
  createNotebook(name: string, given?: Pick<Notebook, 'id' | 'createdAt'>): Promise<Notebook>
  renameNotebook(id: string, name: string): Promise<Notebook>
  /**
   * Removes an empty notebook from library.json. Refuses the Inbox and any notebook a note (trashed or
   * not) still points at, so a note can never be left naming a notebook that does not exist.
   */
  removeNotebook(id: string): Promise<void>
  /** Journals the id, then removes the note file durably and forgets its summary. */
  deleteNoteForever(id: string): Promise<void>
  onChange(listener: (change: LibraryChange) => void): () => void
  /** Rewrites the start-up snapshot (a derived cache) so the next open reads fewer files. */
  refreshSnapshot(): Promise<void>
  /** Waits for pending writes, refreshes the start-up snapshot and releases the lock. */
  close(): Promise<void>
}
