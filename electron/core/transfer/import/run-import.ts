import { mkdtemp, rm, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { TicklerError } from '../../../shared/rpc'
import { newId } from '../../note-files'
import type { Library } from '../../types'
import type { StoreAttachment } from '../enex/enex-note'
import { importEnex } from '../enex/enex-import'
import { ImportRecord, fingerprintOf } from './fingerprints'
import { ImportLogWriter, readImportLog } from './import-log'
import { discardUncommitted, rollBack, writtenNotes } from './recover'
import { ImportBatch } from './import-batch'
import type { ImportFormat, ImportOptions, ImportProgress, ImportSummary } from './import-types'
import { ImportFault, type SourceContext } from './source'
import { importTrello } from '../trello/trello-import'
import { openBoardStore } from '../../boards/store'

export interface ImportDeps {
  library: Library
  store: StoreAttachment
  /** Where job folders for decoded resources go (inside the data folder, so no other user can read them). */
  tempRoot: string
  /** The host's board creation (the boards.create handler); without one, boards.json is opened here (CLI, tests). */
  createBoard?: SourceContext['createBoard']
  /** Deletes a board this import made, when the import is rolled back or leaves it empty. */
  removeBoard?: (id: string) => Promise<void>
}

export interface ImportRun {
  jobId: string
  path: string
  /** The file's own name as the user knows it (an upload's temp file has another). */
  name: string
  options: ImportOptions
  signal: AbortSignal
  onProgress?: (progress: ImportProgress) => void
}

export function formatOf(name: string): ImportFormat | null {
  const ext = extname(name).toLowerCase()
  return ext === '.enex' ? 'enex' : ext === '.json' ? 'trello' : null
}

/**
 * One import: checks the file was not imported before, picks the notebook, streams the file through
 * its format's reader, and writes the finished notes in batches (import-batch.ts). Existing notes are
 * never touched: every write is a new note under a new id. Before its first note the import starts a
 * log (import-log.ts) that names every note and attachment file before it is written and says which
 * batches are committed, so a crash can be rolled back or resumed at the next open; importing a file
 * whose import was interrupted carries on after the notes it committed.
 */
export async function runImport(deps: ImportDeps, run: ImportRun): Promise<ImportSummary> {
  const started = performance.now()
  const format = formatOf(run.name)
  if (!format)
    throw new TicklerError(
      'BAD_INPUT',
      `"${run.name}" is neither an Evernote export (.enex) nor a Trello board (.json).`,
    )
  const { size } = await stat(run.path)
  const summary: ImportSummary = {
    jobId: run.jobId,
    file: run.name,
    format,
    status: 'done',
    notebook: null,
    board: null,
    imported: 0,
    noteIds: [],
    skipped: [],
    warnings: [],
    fault: null,
    rolledBack: 0,
    previouslyImportedAt: null,
    resumedAfter: 0,
    ms: 0,
  }
  const record = await ImportRecord.open(deps.library.dataDir)
  const fingerprint = await fingerprintOf(run.path, run.name)
  const before = record.find(fingerprint)
  if (before && !run.options.allowDuplicate) {
    return {
      ...summary,
      status: 'already-imported',
      previouslyImportedAt: before.at,
      ms: performance.now() - started,
    }
  }
  // An import of this file that a crash stopped: its notes stay, and this run skips that many.
  const interrupted = await readImportLog(deps.library.dataDir, fingerprint)
  const already = interrupted && !interrupted.done ? writtenNotes(deps.library, interrupted) : []
  if (interrupted && !interrupted.done) await discardUncommitted(deps.library, interrupted)
  summary.resumedAfter = already.length
  const { notebook, created: notebookCreated } = await notebookFor(
    deps.library,
    run.options.notebook ?? run.name.replace(/\.[^.]+$/, ''),
  )
  summary.notebook = { id: notebook.id, name: notebook.name }

  let bytesRead = 0
  let lastReport = 0
  const report = (force = false) => {
    const at = performance.now()
    if (!force && at - lastReport < 100) return
    lastReport = at
    run.onProgress?.({
      jobId: run.jobId,
      file: run.name,
      bytesRead,
      bytesTotal: size,
      imported: summary.imported,
      skipped: summary.skipped.length,
    })
  }
  const log = await ImportLogWriter.open(deps.library.dataDir, fingerprint)
  const startedAt = deps.library.now().toISOString()
  const onFault = run.options.onFault ?? 'keep'
  log.append({ start: { name: run.name.slice(0, 255), onFault, notebookId: notebook.id, notebookCreated, startedAt } })
  log.append({ committed: already.length }) // and forgets an uncommitted batch of an earlier run
  const batch = new ImportBatch(deps.library, log, already.length, (notes) => {
    summary.noteIds.push(...notes.map((n) => n.id))
    summary.imported += notes.length
    report()
  })
  const tempDir = await mkdtemp(join(deps.tempRoot, 'import-'))
  const store: StoreAttachment = (bytes, name, mime) =>
    deps.store(bytes, name, mime, (file) => log.append({ attachment: file }, { sync: false }), batch.files)
  const createBoard =
    deps.createBoard ??
    (async (name, columns, labelColors) =>
      (await openBoardStore(deps.library.dataDir)).create(name, columns, deps.library.now(), labelColors))
  const removeBoard =
    deps.removeBoard ?? (async (id) => (await openBoardStore(deps.library.dataDir)).remove(id))
  let boardMade: string | null = null
  let skipped = 0
  const ctx: SourceContext = {
    signal: AbortSignal.any([run.signal, batch.signal]),
    tempDir,
    notebookId: notebook.id,
    now: () => deps.library.now(),
    createBoard: async (name, columns, labelColors) => {
      const kept = interrupted?.board ? await existingBoard(deps.library.dataDir, interrupted.board) : null
      if (kept) return kept // resuming: the cards already imported are on it
      const board = await createBoard(name, columns, labelColors)
      boardMade = board.id
      log.append({ board: board.id })
      return board
    },
    write: async (draft) => {
      if (skipped < already.length) return already[skipped++]!
      const id = newId()
      await batch.add({ ...draft, notebookId: notebook.id, id })
      return id
    },
    rewrite: async (id, change) => {
      await batch.commit() // the note may still be pending in the batch
      if (!batch.failure) await deps.library.mutateNote(id, change, { touch: false })
    },
    skip: (item, reason) => {
      summary.skipped.push({ item, reason })
      report()
    },
    warn: (item, message) => {
      // A pathological file could warn millions of times; the summary keeps the first thousand.
      if (summary.warnings.length < 1000) summary.warnings.push({ item, message })
    },
    bytes: (read) => {
      bytesRead = read
      report()
    },
  }
  report(true)
  try {
    if (format === 'enex') await importEnex(run.path, ctx, store)
    else summary.board = await importTrello(run.path, ctx)
    await batch.commit() // what was read before a cancel is kept, as before a fault
    if (run.signal.aborted) summary.status = 'cancelled'
  } catch (error) {
    if (!(error instanceof ImportFault)) {
      await batch.discard()
      throw error
    }
    await batch.commit() // notes completed before the fault are whole; onFault decides if they stay
    summary.status = 'failed'
    summary.fault = { message: error.message, line: error.line, column: error.column }
  } finally {
    log.close() // an unexpected error leaves the log for the next open to recover from
    await rm(tempDir, { recursive: true, force: true })
  }
  if (batch.failure) {
    summary.status = 'failed'
    summary.fault = { message: `Notes could not be written: ${batch.failure.message}`, line: null, column: null }
  }
  const total = summary.resumedAfter + summary.imported
  if (summary.status !== 'done' && onFault === 'rollback') {
    const state = await readImportLog(deps.library.dataDir, fingerprint)
    if (state) summary.rolledBack = await rollBack(deps.library, state, removeBoard)
    summary.imported = 0
    summary.resumedAfter = 0
    summary.noteIds = []
  } else if (total > 0) {
    log.append({ done: true })
    await record.add({ fingerprint, name: run.name, at: deps.library.now().toISOString(), notes: total })
  }
  await log.remove()
  // A notebook made for this import and left empty (refused, cancelled, rolled back) is not left behind.
  const madeNotebook = notebookCreated || (interrupted?.first.notebookCreated && interrupted.first.notebookId === notebook.id)
  if (madeNotebook && summary.imported + summary.resumedAfter === 0) {
    await deps.library.removeNotebook(notebook.id).catch(() => undefined)
    summary.notebook = null
  }
  // Likewise a board made for a Trello import that ended with no cards on it.
  if (boardMade && summary.imported + summary.resumedAfter === 0) {
    await removeBoard(boardMade).catch(() => undefined)
    summary.board = null
  }
  bytesRead = summary.status === 'done' ? size : bytesRead
  report(true)
  summary.ms = Math.round(performance.now() - started)
  return summary
}

/** The board an interrupted Trello import made, if it is still there. */
async function existingBoard(dataDir: string, id: string) {
  const boards = await openBoardStore(dataDir, true)
  return boards.list().find((b) => b.id === id) ?? null
}

/** The notebook named so (any case), or a new one: importing twice into "Travel" adds to the same notebook. */
async function notebookFor(library: Library, name: string) {
  const wanted = name.trim().slice(0, 200) || 'Imported'
  const existing = library
    .listNotebooks()
    .find((nb) => nb.name.toLocaleLowerCase() === wanted.toLocaleLowerCase())
  if (existing) return { notebook: existing, created: false }
  return { notebook: await library.createNotebook(wanted), created: true }
}
