import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { NoteSummary } from '../shared/model'
import { Journal, idsSince, listJournals } from './journal'
import { FileLibrary } from './library-file'
import { SNAPSHOT_REFRESH_AFTER } from './library-snapshot'
import { acquireLock } from './lock'
import { NoteFiles, summaryWithLinks } from './note-files'
import { openLibraryDoc, recoverNotebooks } from './notebooks'
import { readSnapshot } from './snapshot'
import { purgeExpiredTrash } from './trash-purge'
import { recoverImports } from './transfer/import/recover'
import type { Library, OpenOptions } from './types'

export { importedNote } from './library-note-rules'

/**
 * Opens the library in `dataDir` (creating its folders unless read-only): the summaries from the start-up
 * snapshot plus the notes the journal says changed since (or every note file without one), the notebooks,
 * an interrupted import's notes, and the Trash purged of expired notes. Folder-sync changes follow in
 * `reconciled`, off the start-up path.
 */
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
    const library = new FileLibrary(
      dataDir,
      files,
      db,
      summaries,
      new Journal(cacheDir, seq),
      now,
      readOnly,
      release,
    )
    // The snapshot is stored newest first: when nothing changed since, it already is the note list.
    if (snapshot && changedSinceSnapshot === 0) library.adoptSorted(snapshot.notes)
    const notebookIds = new Set<string>()
    for (const s of summaries.values()) notebookIds.add(s.notebookId)
    if (!readOnly && (recoverNotebooks(db.data, notebookIds, now()) || docCorrupt)) await db.write()
    if (!readOnly && (!snapshot || changedSinceSnapshot > SNAPSHOT_REFRESH_AFTER))
      library.refreshSnapshotSoon()
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
