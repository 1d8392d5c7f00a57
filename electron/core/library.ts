import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { INBOX_ID, NOTE_SCHEMA_VERSION, freshNoteState, type Note, type NoteSummary, type Notebook } from '../shared/model'
import { docToText } from '../shared/doc-text'
import { TicklerError } from '../shared/rpc'
import { DurableBatch } from './durable-file'
import { Journal, idsSince, listJournals } from './journal'
import { acquireLock } from './lock'
import { NewerSchemaError } from './migrations'
import { NoteFiles, newId, summaryWithLinks } from './note-files'
import { checkNote } from './note-check'
import { isNewestFirst, newestFirst } from './note-pages'
import { openLibraryDoc, recoverNotebooks, removeFromDoc, renameInDoc, type LibraryDoc } from './notebooks'
import { readSnapshot, writeSnapshot } from './snapshot'
import { purgeExpiredTrash, PURGE_CHECK_MS } from './trash-purge'
import { recoverImports } from './transfer/import/recover'
import type {
  CreateNoteInput,
  ImportedNoteInput,
  Library,
  LibraryChange,
  NotesFilter,
  OpenOptions,
  OpenReport,
  UpdateNoteInput,
} from './types'

/** After this many notes changed since the snapshot, refresh it in the background so opens stay fast. */
const SNAPSHOT_REFRESH_AFTER = 2000

export async function openLibrary(dataDir: string, options: OpenOptions = {}): Promise<Library> {
  const started = performance.now()
  const now = options.now ?? (() => new Date())
  const readOnly = options.readOnly ?? false
  const files = new NoteFiles(dataDir)
  const cacheDir = join(dataDir, 'cache')
  if (!readOnly) await mkdir(files.notesDir, { recursive: true })
  const release = readOnly ? () => undefined : acquireLock(dataDir, options.holder ?? 'app')
  try {
    if (!readOnly) {
      await mkdir(cacheDir, { recursive: true })
      await files.removeTempFiles()
    }
    const { db, corrupt: docCorrupt } = await openLibraryDoc(dataDir, now(), readOnly)
    const summaries = new Map<string, NoteSummary>()
    // With a snapshot, only the notes the journal lists are read; files added or removed behind the
    // app's back (folder sync) are found by reconcileWithDisk() right after open, off the start-up path.
    const snapshot = readSnapshot(cacheDir)
    let toRead: Iterable<string>
    let changedSinceSnapshot = 0
    if (snapshot) {
      for (const s of snapshot.notes) summaries.set(s.id, s)
      const changed = await idsSince(cacheDir, snapshot.coversJournalsBelow)
      for (const id of changed) summaries.delete(id)
      changedSinceSnapshot = changed.size
      toRead = changed
    } else {
      toRead = await files.listIds()
    }
    const { notes, migrated, corrupt } = await files.readMany(toRead, { readOnly })
    for (const note of notes) summaries.set(note.id, summaryWithLinks(note))
    if (!readOnly) for (const note of migrated) await files.write(note)

    const journals = await listJournals(cacheDir)
    const seq = Math.max((journals.at(-1)?.seq ?? 0) + 1, snapshot?.coversJournalsBelow ?? 1)
    const library = new FileLibrary(dataDir, files, db, summaries, new Journal(cacheDir, seq), now, readOnly, release)
    // The snapshot is stored newest first: when nothing changed since, it already is the note list.
    if (snapshot && changedSinceSnapshot === 0) library.adoptSorted(snapshot.notes)
    const notebookIds = new Set<string>()
    for (const s of summaries.values()) notebookIds.add(s.notebookId)
    if (!readOnly && (recoverNotebooks(db.data, notebookIds, now()) || docCorrupt)) await db.write()
    if (!readOnly && (!snapshot || changedSinceSnapshot > SNAPSHOT_REFRESH_AFTER)) library.refreshSnapshotSoon()
    library.report = {
      corrupt: docCorrupt ? [docCorrupt, ...corrupt] : corrupt,
      migrated: migrated.length,
      fromSnapshot: snapshot !== null,
      noteCount: summaries.size,
      ms: performance.now() - started,
      purged: [],
      imports: [],
    }
    // Before the folder listing starts: the notes of an interrupted import are known from the journal.
    if (!readOnly) library.report.imports = await recoverImports(library)
    library.reconciled = snapshot ? library.reconcileWithDisk() : Promise.resolve()
    if (!readOnly) {
      library.report.purged = await purgeExpiredTrash(library).catch(() => [])
      library.startPurgeTimer()
    }
    return library
  } catch (error) {
    release()
    throw error
  }
}

/** The note an imported one becomes: its first revision, text derived from its document. */
export function importedNote(input: ImportedNoteInput, id: string): Note {
  return {
    ...input,
    schemaVersion: NOTE_SCHEMA_VERSION,
    id,
    text: docToText(input.doc),
    tags: uniqueTags(input.tags),
    revision: 1,
    trashedAt: null,
  }
}

class FileLibrary implements Library {
  report!: OpenReport
  private queue: Promise<unknown> = Promise.resolve()
  private listeners = new Set<(change: LibraryChange) => void>()
  private sorted: NoteSummary[] | null = null
  private changedSinceSnapshot = 0
  private closed = false

  constructor(
    readonly dataDir: string,
    private readonly files: NoteFiles,
    private readonly db: Low<LibraryDoc>,
    private readonly summaries: Map<string, NoteSummary>,
    private readonly journal: Journal,
    private readonly clock: () => Date,
    private readonly readOnly: boolean,
    private readonly release: () => void,
  ) {}

  /** Writes run one at a time, so a snapshot or a read-modify-write never sees half of another write. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new TicklerError('INTERNAL', 'The library is closed.'))
    if (this.readOnly) {
      return Promise.reject(new TicklerError('LOCKED', 'The library is open read-only; nothing can be saved.'))
    }
    return this.serial(task)
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

  private emit(change: LibraryChange): void {
    for (const listener of this.listeners) listener(change)
  }

  onChange(listener: (change: LibraryChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
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
      (s) => (!filter.notebookId || s.notebookId === filter.notebookId) && (!filter.tag || s.tags.includes(filter.tag)),
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
    return new TicklerError('NOT_FOUND', `${file} could not be read (${reason}); it was moved to ${corrupt.movedTo}.`)
  }

  private requireNotebook(id: string): void {
    if (!this.db.data.notebooks.some((nb) => nb.id === id)) {
      throw new TicklerError('NOT_FOUND', `There is no notebook with id ${id}.`)
    }
  }

  private async persist(note: Note): Promise<Note> {
    return (await this.persistMany([note]))[0]!
  }

  /**
   * Journal first (one sync for all), then the note files, made durable together; a crash in between
   * only makes the next open re-read them. One change event tells of all of them. A file placed before
   * a failure is on disk and so is in the list too.
   */
  private async persistMany(notes: Note[]): Promise<Note[]> {
    for (const note of notes) checkNote(note)
    this.journal.record(...notes.map((n) => n.id))
    const batch = new DurableBatch()
    const byPath = new Map(notes.map((n) => [this.files.pathOf(n.id), n]))
    const placed: Note[] = []
    try {
      for (const note of notes) await this.files.stage(note, batch)
      await batch.commit((path) => placed.push(byPath.get(path)!))
    } catch (error) {
      batch.discard()
      throw error
    } finally {
      for (const note of placed) this.summaries.set(note.id, summaryWithLinks(note))
      if (placed.length) {
        this.sorted = null
        const before = this.changedSinceSnapshot
        this.changedSinceSnapshot += placed.length
        if (before < SNAPSHOT_REFRESH_AFTER && this.changedSinceSnapshot >= SNAPSHOT_REFRESH_AFTER) this.refreshSnapshotSoon()
        this.emit({ noteIds: placed.map((n) => n.id), notebooks: false, notes: placed, removed: [] })
      }
    }
    return notes
  }

  createNote(input: CreateNoteInput): Promise<Note> {
    return this.enqueue(async () => {
      const notebookId = input.notebookId ?? INBOX_ID
      this.requireNotebook(notebookId)
      const doc = input.doc ?? { type: 'doc', content: [{ type: 'paragraph' }] }
      const at = this.clock().toISOString()
      return this.persist({
        schemaVersion: NOTE_SCHEMA_VERSION,
        id: newId(),
        title: input.title ?? '',
        doc,
        text: docToText(doc),
        notebookId,
        tags: uniqueTags(input.tags ?? []),
        createdAt: at,
        updatedAt: at,
        revision: 1,
        ...freshNoteState(),
      })
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
      const doc = patch.doc ?? current.doc
      return this.persist({
        ...current,
        title: patch.title ?? current.title,
        doc,
        text: patch.doc ? docToText(doc) : current.text,
        tags: patch.tags ? uniqueTags(patch.tags) : current.tags,
        notebookId: patch.notebookId ?? current.notebookId,
        updatedAt: this.clock().toISOString(),
        revision: current.revision + 1,
      })
    })
  }

  mutateNote(id: string, change: (note: Note) => Note, options: { touch?: boolean } = {}): Promise<Note> {
    return this.enqueue(async () => {
      const current = await this.getNote(id)
      const next = change(current)
      if (next === current) return current
      if (next.id !== id) throw new TicklerError('INTERNAL', 'A change may not alter a note id.')
      return this.persist({
        ...next,
        text: next.doc === current.doc ? next.text : docToText(next.doc),
        updatedAt: options.touch === false ? next.updatedAt : this.clock().toISOString(),
        revision: current.revision + 1,
      })
    })
  }

  async importNote(input: ImportedNoteInput): Promise<Note> {
    return (await this.importNotes([input]))[0]!
  }

  importNotes(inputs: ImportedNoteInput[]): Promise<Note[]> {
    return this.enqueue(async () => {
      const notes: Note[] = []
      const taken = new Set<string>()
      for (const input of inputs) {
        this.requireNotebook(input.notebookId)
        const id = input.id ?? newId()
        if (input.id !== undefined && (this.summaries.has(id) || taken.has(id) || this.files.exists(id))) {
          throw new TicklerError('CONFLICT', `A note with id ${id} already exists; an import never overwrites one.`)
        }
        taken.add(id)
        notes.push(importedNote(input, id))
      }
      return notes.length ? this.persistMany(notes) : []
    })
  }

  now(): Date {
    return this.clock()
  }

  listNotebooks(): (Notebook & { noteCount: number })[] {
    const counts = new Map<string, number>()
    for (const s of this.summaries.values()) if (!s.trashedAt) counts.set(s.notebookId, (counts.get(s.notebookId) ?? 0) + 1)
    return this.db.data.notebooks.map((nb) => ({ ...nb, noteCount: counts.get(nb.id) ?? 0 }))
  }

  createNotebook(name: string, given?: Pick<Notebook, 'id' | 'createdAt'>): Promise<Notebook> {
    return this.enqueue(async () => {
      const trimmed = name.trim()
      const taken = this.db.data.notebooks.some((nb) => nb.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase())
      if (taken) throw new TicklerError('CONFLICT', `A notebook named "${trimmed}" already exists.`)
      if (given && this.db.data.notebooks.some((nb) => nb.id === given.id)) {
        throw new TicklerError('CONFLICT', `A notebook with id ${given.id} already exists.`)
      }
      const at = this.clock().toISOString()
      const notebook: Notebook = { id: given?.id ?? newId(), name: trimmed, createdAt: given?.createdAt ?? at }
      this.db.data.notebooks.push(notebook)
      try {
        await this.db.write()
      } catch (error) {
        this.db.data.notebooks.pop()
        throw error
      }
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

  /** Applies a change to library.json and writes it; a failed write puts the notebooks back as they were. */
  private async changeDoc<T>(change: () => T): Promise<T> {
    const before = this.db.data.notebooks
    this.db.data.notebooks = [...before]
    try {
      const result = change()
      await this.db.write()
      this.emit({ noteIds: [], notebooks: true, notes: [], removed: [] })
      return result
    } catch (error) {
      this.db.data.notebooks = before
      throw error
    }
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
    if (this.readOnly) return
    const { below, json } = await this.enqueue(async () => {
      const below = this.journal.rotate()
      this.changedSinceSnapshot = 0
      const notes = this.listNotes()
      return { below, json: { coversJournalsBelow: below, notes } }
    })
    await writeSnapshot(join(this.dataDir, 'cache'), json)
    await this.journal.prune(below)
  }

  private snapshotRun: Promise<void> | null = null
  refreshSnapshotSoon(): void {
    this.snapshotRun ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.refreshSnapshot())
      .catch(() => undefined) // a derived cache: failing to refresh it only makes the next open slower
      .finally(() => (this.snapshotRun = null))
  }

  async close(): Promise<void> {
    if (this.closed) return
    if (this.purgeTimer) clearInterval(this.purgeTimer)
    await this.reconciled
    await this.snapshotRun
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

function uniqueTags(tags: string[]): string[] {
  const seen = new Map<string, string>()
  for (const tag of tags) if (!seen.has(tag.toLocaleLowerCase())) seen.set(tag.toLocaleLowerCase(), tag)
  return [...seen.values()]
}
