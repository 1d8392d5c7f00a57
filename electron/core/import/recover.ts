import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { attachmentsIn, type AttachmentRef } from '../../shared/domain/attachment'
import { TicklerError } from '../../shared/rpc'
import { attachmentsDirOf } from '../attachments/store'
import { TEMP_PREFIX } from '../durable-file'
import { openBoardStore } from '../boards/store'
import type { Library } from '../types'
import { ImportRecord } from './fingerprints'
import { ImportLogWriter, allImportLogs, removeImportLog, type ImportLogState } from './import-log'

/** What open found of an import that a crash (or a kill) stopped, and what it did about it. */
export interface InterruptedImport {
  file: string
  /** Notes the import had written before it stopped. */
  notes: number
  /**
   * 'rolled-back': it was started with "remove what it imported if it breaks", so open removed them.
   * 'resumable': its notes are kept; importing the same file again carries on after them.
   * 'finished': it had ended and only its "imported before" entry was missing; now recorded.
   */
  outcome: 'rolled-back' | 'resumable' | 'finished'
  startedAt: string
}

/**
 * Finishes what imports stopped by a crash left: rolls back those started with onFault 'rollback',
 * keeps the others for resuming, and removes their temporary folders. Runs at open, before anything
 * else can write, so nothing is importing meanwhile.
 */
export async function recoverImports(library: Library): Promise<InterruptedImport[]> {
  const cache = join(library.dataDir, 'cache')
  for (const name of await readdir(cache).catch(() => [] as string[])) {
    if (name.startsWith('import-') || name === 'import') await rm(join(cache, name), { recursive: true, force: true })
  }
  // Attachment files of a batch that never committed (or a save cut short) wait under temp names.
  const attachments = attachmentsDirOf(library.dataDir)
  for (const name of await readdir(attachments).catch(() => [] as string[])) {
    if (name.startsWith(TEMP_PREFIX)) await rm(join(attachments, name), { force: true })
  }
  const found: InterruptedImport[] = []
  for (const { fingerprint, state } of await allImportLogs(library.dataDir)) {
    if (!state) {
      await removeImportLog(library.dataDir, fingerprint)
      continue
    }
    const written = writtenNotes(library, state)
    const report = (outcome: InterruptedImport['outcome']) =>
      found.push({ file: state.last.name, notes: written.length, outcome, startedAt: state.first.startedAt })
    if (state.done) {
      const record = await ImportRecord.open(library.dataDir)
      if (!record.find(fingerprint)) {
        await record.add({ fingerprint, name: state.last.name, at: library.now().toISOString(), notes: written.length })
      }
      report('finished')
    } else if (state.last.onFault === 'rollback' || written.length === 0) {
      await rollBack(library, state, async (id) => (await openBoardStore(library.dataDir)).remove(id))
      await removeEmptyNotebook(library, state)
      if (written.length > 0) report('rolled-back')
    } else {
      const log = await ImportLogWriter.open(library.dataDir, fingerprint)
      log.append({ committed: await discardUncommitted(library, state) })
      log.close()
      report('resumable')
      continue // kept: its log tells a later import of the same file where to carry on
    }
    await removeImportLog(library.dataDir, fingerprint)
  }
  return found
}

/**
 * The notes of a log that count as imported: those it says are committed. (A log from before notes
 * were written in batches names each note just before writing it: all count, the last only if written.)
 */
export function writtenNotes(library: Library, state: ImportLogState): string[] {
  if (state.committed !== null) return state.notes.slice(0, state.committed)
  const last = state.notes.at(-1)
  if (last === undefined) return []
  return library.summaryOf(last) ? state.notes : state.notes.slice(0, -1)
}

/**
 * Removes the notes of a batch that was not committed (some of its files may be in place), so that
 * carrying on imports each of them once; returns the log's committed count, for the line that says so.
 */
export async function discardUncommitted(library: Library, state: ImportLogState): Promise<number> {
  const kept = writtenNotes(library, state)
  await removeNotes(library, state.notes.slice(kept.length))
  return kept.length
}

/** Deletes these notes for good, passing over any already gone; returns how many it deleted. */
export async function removeNotes(library: Library, ids: string[]): Promise<number> {
  let removed = 0
  for (const id of ids) {
    try {
      await library.deleteNoteForever(id)
      removed++
    } catch (error) {
      if (!(error instanceof TicklerError && error.code === 'NOT_FOUND')) throw error
    }
  }
  return removed
}

/**
 * Removes what an import wrote: its notes, the attachment files it added (unless a note saved since the
 * import started uses one: the user may have pasted the same picture meanwhile) and the board it made.
 * Files that were in the store before the import are never touched: other notes may share them.
 */
export async function rollBack(
  library: Library,
  state: ImportLogState,
  removeBoard: (id: string) => Promise<void>,
): Promise<number> {
  const removed = await removeNotes(library, state.notes)
  if (state.attachments.length) {
    const inUse = new Map<string, AttachmentRef>()
    for (const summary of library.listNotes()) {
      if (summary.updatedAt < state.first.startedAt || summary.media.images + summary.media.files === 0) continue
      attachmentsIn((await library.getNote(summary.id)).doc.content, inUse)
    }
    const dir = attachmentsDirOf(library.dataDir)
    for (const file of state.attachments) if (!inUse.has(file)) await rm(join(dir, file), { force: true })
  }
  if (state.board) await removeBoard(state.board).catch(() => undefined)
  return removed
}

/** A notebook the import made is removed with it, if nothing else was put in it since. */
async function removeEmptyNotebook(library: Library, state: ImportLogState): Promise<void> {
  if (state.first.notebookCreated) await library.removeNotebook(state.first.notebookId).catch(() => undefined)
}
