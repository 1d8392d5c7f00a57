import { mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { attachmentsIn, type AttachmentRef } from '../../shared/attachment'
import { TicklerError } from '../../shared/rpc'
import type { Library } from '../types'
import type { StoreAttachment } from './enex/enex-note'
import { importEnex } from './enex/enex-import'
import { ImportRecord, fingerprintOf } from './fingerprints'
import type { ImportFormat, ImportOptions, ImportProgress, ImportSummary } from './import-types'
import { ImportFault, type SourceContext } from './source'
import { importTrello } from './trello/trello-import'
import { openBoardStore } from '../boards/store'

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
 * its format's reader, and writes each finished note on its own. Existing notes are never touched: every
 * write is a new note under a new id.
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
  const tempDir = await mkdtemp(join(deps.tempRoot, 'import-'))
  const startedAt = deps.library.now().toISOString()
  const attachmentsBefore = await storedAttachments(deps.library.dataDir)
  const createBoard =
    deps.createBoard ??
    (async (name, columns, labelColors) =>
      (await openBoardStore(deps.library.dataDir)).create(name, columns, deps.library.now(), labelColors))
  const removeBoard =
    deps.removeBoard ?? (async (id) => (await openBoardStore(deps.library.dataDir)).remove(id))
  let boardMade: string | null = null
  const ctx: SourceContext = {
    signal: run.signal,
    tempDir,
    notebookId: notebook.id,
    now: () => deps.library.now(),
    createBoard: async (name, columns, labelColors) => {
      const board = await createBoard(name, columns, labelColors)
      boardMade = board.id
      return board
    },
    write: async (draft) => {
      const note = await deps.library.importNote({ ...draft, notebookId: notebook.id })
      summary.noteIds.push(note.id)
      summary.imported++
      report()
      return note.id
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
    if (format === 'enex') await importEnex(run.path, ctx, deps.store)
    else summary.board = await importTrello(run.path, ctx)
    if (run.signal.aborted) summary.status = 'cancelled'
  } catch (error) {
    if (!(error instanceof ImportFault)) throw error
    summary.status = 'failed'
    summary.fault = { message: error.message, line: error.line, column: error.column }
  } finally {
    await rm(tempDir, { recursive: true, force: true })
  }
  if (summary.status !== 'done' && run.options.onFault === 'rollback') {
    const removed = new Set(summary.noteIds)
    for (const id of summary.noteIds) await deps.library.deleteNoteForever(id)
    summary.rolledBack = summary.noteIds.length
    summary.imported = 0
    summary.noteIds = []
    await removeNewAttachments(deps.library, attachmentsBefore, startedAt, removed)
  } else if (summary.imported > 0) {
    await record.add({
      fingerprint,
      name: run.name,
      at: deps.library.now().toISOString(),
      notes: summary.imported,
    })
  }
  // A notebook made for this import and left empty (refused, cancelled, rolled back) is not left behind.
  if (notebookCreated && summary.imported === 0) {
    await deps.library.removeNotebook(notebook.id).catch(() => undefined)
    summary.notebook = null
  }
  // Likewise a board made for a Trello import that ended with no cards on it.
  if (boardMade && summary.imported === 0) {
    await removeBoard(boardMade).catch(() => undefined)
    summary.board = null
  }
  bytesRead = summary.status === 'done' ? size : bytesRead
  report(true)
  summary.ms = Math.round(performance.now() - started)
  return summary
}

const attachmentsDir = (dataDir: string) => join(dataDir, 'attachments')

async function storedAttachments(dataDir: string): Promise<Set<string>> {
  return new Set(await readdir(attachmentsDir(dataDir)).catch(() => []))
}

/**
 * After a rollback, the files this import added to the attachment store go too, unless a note saved
 * meanwhile (the user pasting the same picture during the import) uses one. Files that were there before
 * the import are never touched: content addressing means other notes may share them.
 */
async function removeNewAttachments(
  library: Library,
  before: Set<string>,
  since: string,
  removed: Set<string>,
) {
  const added = [...(await storedAttachments(library.dataDir))].filter((f) => !before.has(f))
  if (added.length === 0) return
  const inUse = new Map<string, AttachmentRef>()
  for (const summary of library.listNotes()) {
    if (summary.updatedAt < since || removed.has(summary.id)) continue
    attachmentsIn((await library.getNote(summary.id)).doc.content, inUse)
  }
  for (const file of added)
    if (!inUse.has(file)) await rm(join(attachmentsDir(library.dataDir), file), { force: true })
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
