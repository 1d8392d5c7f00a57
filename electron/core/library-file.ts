import { join } from 'node:path'
import type { Low } from 'lowdb'
import { INBOX_ID, type Note, type NoteSummary, type Notebook } from '../shared/model'
import { TicklerError } from '../shared/rpc'
import { DurableBatch } from './durable-file'
import type { Journal } from './journal'
import { addNotebook, changeDoc, notebooksWithCounts, requireNotebook } from './library-notebook-doc'
import { changedNote, createdNote, importedNote, patchedNote } from './library-note-rules'
import { NewerSchemaError } from './migrations'
import { type NoteFiles, newId, summaryWithLinks } from './note-files'
import { prepareNote, requireNewIds, requirePrepared, type PreparedNote } from './prepared-note'
import { isNewestFirst, newestFirst } from './note-pages'
import { removeFromDoc, renameInDoc, type LibraryDoc } from './notebooks'
import { LibraryQueue } from './library-queue'
import { SnapshotKeeper } from './library-snapshot'
import { purgeExpiredTrash, PURGE_CHECK_MS } from './trash-purge'
import type {
  CreateNoteInput,
  ImportedNoteInput,
  Library,
  NotesFilter,
  OpenReport,
  UpdateNoteInput,
} from './types'

/**
 * The open library: note files with their summaries in memory, library.json's notebooks, the journal of
 * what changed since the start-up snapshot, and the change events every reader (list, search, backlinks)
 * follows. openLibrary() (library.ts) builds it.
 */
export class FileLibrary extends LibraryQueue implements Library {
  report!: OpenReport
  private sorted: NoteSummary[] | null = null
  private readonly snapshots: SnapshotKeeper

  constructor(
    readonly dataDir: string,
    private readonly files: NoteFiles,
    private readonly db: Low<LibraryDoc>,
    private readonly summaries: Map<string, NoteSummary>,
    private readonly journal: Journal,
    private readonly clock: () => Date,
    readOnly: boolean,
    private readonly release: () => void,
  ) {
    super(readOnly)
    const inQueue = <T>(task: () => Promise<T>) => this.enqueue(task)
    this.snapshots = new SnapshotKeeper(join(dataDir, 'cache'), journal, inQueue, () => this.listNotes())
  }

  reconciled: Promise<void> = Promise.resolve()

  /**
   * Brings the in-memory list in line with the note files actually present, for files a sync tool added
   * or removed while the app was closed. Runs in the write queue so no save can slip between its
   * directory listing and its updates.
   */
  reconcileWithDisk(): Promise<void> {
    return this.serial(async () => {
      const onDisk = await this.files.listIds()
      const present = new Set(onDisk)
      const removed = [...this.summaries.keys()].filter((id) => !present.has(id))
      const added = onDisk.filter((id) => !this.summaries.has(id))
      for (const id of removed) this.summaries.delete(id)
      const { notes, migrated, corrupt } = await this.files.readMany(added, { readOnly: this.readOnly })
      for (const note of notes) this.summaries.set(note.id, summaryWithLinks(note))
      if (!this.readOnly) for (const note of migrated) await this.files.write(note)
      this.report.corrupt.push(...corrupt)
      this.report.migrated += migrated.length
      if (removed.length || notes.length) {
        this.sorted = null
        this.emit({ noteIds: [...removed, ...notes.map((n) => n.id)], notebooks: false, notes, removed })
      }
    }).catch(() => undefined)
  }

  /** Takes a list already in listNotes order (from the snapshot), sparing a sort of the whole library. */
  adoptSorted(sorted: NoteSummary[] | null): void {
    // A snapshot written before ties were ordered by id is sorted again on first use.
    this.sorted = sorted && isNewestFirst(sorted) ? sorted : null
  }

  listNotes(filter: NotesFilter = {}): NoteSummary[] {
    this.sorted ??= [...this.summaries.values()].sort(newestFirst)
    if (!filter.notebookId && !filter.tag) return this.sorted
    return this.sorted.filter(
      (s) =>
        (!filter.notebookId || s.notebookId === filter.notebookId) &&
        (!filter.tag || s.tags.includes(filter.tag)),
    )
  }

  summaryOf(id: string): NoteSummary | undefined {
    return this.summaries.get(id)
  }

  async getNote(id: string): Promise<Note> {
    if (!this.summaries.has(id)) throw new TicklerError('NOT_FOUND', `There is no note with id ${id}.`)
    try {
      return (await this.files.read(id)).note
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof NewerSchemaError) throw error
      throw await this.setAside(id, (error as Error).message)
    }
  }

  /**
   * A note file that no longer parses or matches the Note schema (damaged, or edited behind the app's
   * back after the snapshot listed it) is handled as open() handles one: moved aside and reported, and
   * gone from the list. Nobody can have written it meanwhile: every write of a note starts by reading it.
   */
  private async setAside(id: string, reason: string): Promise<TicklerError> {
    const file = join('notes', `${id}.json`)
    if (this.readOnly) return new TicklerError('INTERNAL', `${file} could not be read (${reason}).`)
    const corrupt = await this.files.moveAside(id, reason)
    this.report.corrupt.push(corrupt)
    this.summaries.delete(id)
    this.sorted = null
    this.emit({ noteIds: [id], notebooks: false, notes: [], removed: [id] })
    return new TicklerError(
      'NOT_FOUND',
      `${file} could not be read (${reason}); it was moved to ${corrupt.movedTo}.`,
    )
  }

  private requireNotebook(id: string): void {
    requireNotebook(this.db.data, id)
  }

  private async persist(note: Note): Promise<Note> {
    return (await this.persistMany([prepareNote(note)]))[0]!
  }

  /**
   * Journal first (one sync for all), then the note files, made durable together; a crash in between
   * only makes the next open re-read them. One change event tells of all of them. A file placed before
   * a failure is on disk and so is in the list too. Every note comes prepared (checked and serialised).
   */
  private async persistMany(prepared: PreparedNote[]): Promise<Note[]> {
    const notes = prepared.map((p) => p.note)
    this.journal.record(...notes.map((n) => n.id))
    const batch = new DurableBatch()
    const byPath = new Map(prepared.map((p) => [this.files.pathOf(p.note.id), p]))
    const placed: PreparedNote[] = []
    try {
      for (const p of prepared) await this.files.stage(p.note.id, p.text, batch)
      await batch.commit((path) => placed.push(byPath.get(path)!))
    } catch (error) {
      batch.discard()
      throw error
    } finally {
      for (const p of placed) this.summaries.set(p.note.id, p.summary)
      if (placed.length) {
        this.sorted = null
        this.snapshots.written(placed.length)
        const written = placed.map((p) => p.note)
        this.emit({ noteIds: written.map((n) => n.id), notebooks: false, notes: written, removed: [] })
      }
    }
    return notes
  }

  createNote(input: CreateNoteInput): Promise<Note> {
    return this.enqueue(async () => {
      this.requireNotebook(input.notebookId ?? INBOX_ID)
      return this.persist(createdNote(input, this.clock().toISOString()))
    })
  }

  updateNote(id: string, patch: UpdateNoteInput): Promise<Note> {
    return this.enqueue(async () => {
      const current = await this.getNote(id)
      if (patch.baseRevision !== undefined && patch.baseRevision !== current.revision) {
        throw new TicklerError(
          'CONFLICT',
          `This note changed elsewhere (revision ${current.revision}, the editor had ${patch.baseRevision}); reload it before saving.`,
        )
      }
      if (patch.notebookId !== undefined) this.requireNotebook(patch.notebookId)
      return this.persist(patchedNote(current, patch, this.clock().toISOString()))
    })
  }

  mutateNote(id: string, change: (note: Note) => Note, options: { touch?: boolean } = {}): Promise<Note> {
    return this.enqueue(async () => {
      const current = await this.getNote(id)
      const next = change(current)
      if (next === current) return current
      if (next.id !== id) throw new TicklerError('INTERNAL', 'A change may not alter a note id.')
      return this.persist(
        changedNote(current, next, options.touch === false ? null : this.clock().toISOString()),
      )
    })
  }

  async importNote(input: ImportedNoteInput): Promise<Note> {
    return (await this.importNotes([input]))[0]!
  }

  async importNotes(inputs: ImportedNoteInput[]): Promise<Note[]> {
    return this.importPrepared(inputs.map((input) => this.prepareImport({ ...input, id: input.id ?? newId() })))
  }

  prepareImport(input: ImportedNoteInput & { id: string }): PreparedNote {
    return prepareNote(importedNote(input, input.id))
  }

  importPrepared(prepared: PreparedNote[]): Promise<Note[]> {
    return this.enqueue(async () => {
      for (const p of prepared) {
        requirePrepared(p)
        this.requireNotebook(p.note.notebookId)
      }
      requireNewIds(prepared.map((p) => p.note), (id) => this.summaries.has(id) || this.files.exists(id))
      return prepared.length ? this.persistMany(prepared) : []
    })
  }

  now(): Date {
    return this.clock()
  }

  listNotebooks(): (Notebook & { noteCount: number })[] {
    return notebooksWithCounts(this.db.data, this.summaries.values())
  }

  createNotebook(name: string, given?: Pick<Notebook, 'id' | 'createdAt'>): Promise<Notebook> {
    return this.enqueue(async () => {
      const notebook = await addNotebook(this.db, name, this.clock().toISOString(), given)
      this.emit({ noteIds: [], notebooks: true, notes: [], removed: [] })
      return notebook
    })
  }

  renameNotebook(id: string, name: string): Promise<Notebook> {
    return this.enqueue(() => this.changeDoc(() => renameInDoc(this.db.data, id, name)))
  }

  removeNotebook(id: string): Promise<void> {
    return this.enqueue(async () => {
      const used = [...this.summaries.values()].filter((s) => s.notebookId === id).length
      await this.changeDoc(() => removeFromDoc(this.db.data, id, used))
    })
  }

  /** A change of library.json, written and then told of (or undone if the write fails). */
  private async changeDoc<T>(change: () => T): Promise<T> {
    const result = await changeDoc(this.db, change)
    this.emit({ noteIds: [], notebooks: true, notes: [], removed: [] })
    return result
  }

  /** Journal first: a crash after it only makes the next open look for a file that is already gone. */
  deleteNoteForever(id: string): Promise<void> {
    return this.enqueue(async () => {
      if (!this.summaries.has(id)) throw new TicklerError('NOT_FOUND', `There is no note with id ${id}.`)
      this.journal.record(id)
      await this.files.remove(id)
      this.summaries.delete(id)
      this.sorted = null
      this.emit({ noteIds: [id], notebooks: false, notes: [], removed: [id] })
    })
  }

  private purgeTimer: NodeJS.Timeout | null = null
  /** Trash is also checked daily, so an app left open for weeks still purges on time. */
  startPurgeTimer(): void {
    this.purgeTimer = setInterval(() => void purgeExpiredTrash(this).catch(() => undefined), PURGE_CHECK_MS)
    this.purgeTimer.unref()
  }

  /** Rewrites the start-up snapshot without holding up saves for longer than copying the summaries. */
  async refreshSnapshot(): Promise<void> {
    if (!this.readOnly) await this.snapshots.refresh()
  }

  refreshSnapshotSoon(): void {
    this.snapshots.soon()
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (this.purgeTimer) clearInterval(this.purgeTimer)
    await this.reconciled
    await this.snapshots.settled()
    try {
      if (!this.readOnly) await this.refreshSnapshot()
    } finally {
      this.closed = true
      await this.queue
      this.journal.close()
      this.release()
    }
  }
}
