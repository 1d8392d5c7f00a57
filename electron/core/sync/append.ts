import { TicklerError } from '../../shared/rpc'
import type { Note } from '../../shared/model'
import type { Library } from '../types'
import { appendParagraph, deriveNote, seedNoteDoc } from './note-doc'
import { syncedOf } from './library-writer'
import { startSync } from './session'
import { loadState } from './state'
import { openSyncStores, type SyncStores } from './stores'

export interface Appended {
  note: Note
  /** Whether the paragraph also went into this device's pack in the sync folder right away. */
  published: boolean
  /** Why it did not (the folder could not be reached): the next pass publishes it as a local save. */
  problem?: string
}

/**
 * Adds a paragraph of plain text at the end of a note's body through its Y.Doc — the path a live editor
 * and a remote device use too, so an append never replaces text typed elsewhere. With sync set up it is
 * one pass (the paragraph is published at once); without it, or with the folder unreachable, the same
 * operation runs on a doc made from the note and the result is saved like any local edit.
 */
export async function appendToNote(
  lib: Library,
  id: string,
  text: string,
  stores?: SyncStores,
): Promise<Appended> {
  if (!lib.summaryOf(id)) throw new TicklerError('NOT_FOUND', `There is no note with id ${id}.`)
  const at = lib.now().toISOString()
  let problem: string | undefined
  if (await loadState(lib.dataDir)) {
    const engine = await startSync(lib, stores ?? (await openSyncStores(lib.dataDir)), {})
    try {
      await engine.pass(new Map([[id, (doc) => appendParagraph(doc, text, at)]]))
      return { note: await lib.getNote(id), published: true }
    } catch (error) {
      // Only a folder that cannot be reached (nothing done yet) falls back; anything else is reported.
      if (!(error instanceof TicklerError) || error.code !== 'NOT_FOUND') throw error
      problem = error.message
    } finally {
      engine.close()
    }
  }
  const note = await lib.mutateNote(id, (current) => {
    const doc = seedNoteDoc(syncedOf(current))
    appendParagraph(doc, text, at)
    return { ...current, doc: deriveNote(doc, syncedOf(current)).note.doc }
  })
  return { note, published: false, problem }
}
