import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openLibrary } from '../library'
import type { NoteDoc } from '../../shared/model'
import type { Library } from '../types'
import type { SyncEngine } from './engine'
import { startSync, type StartOptions } from './session'
import { openSyncStores, type SyncStores } from './stores'

/** A device for sync tests: its own library folder, synced with `folder` (its view of the sync folder). */
export interface TestDevice {
  lib: Library
  engine: SyncEngine
  /** The device's own open stores, the ones its engine writes through (as the app's handlers hold them). */
  stores: SyncStores
  folder: string
  dataDir: string
  close(): Promise<void>
}

export async function openDevice(root: string, name: string, folder: string, options: StartOptions = {}) {
  const dataDir = join(root, name)
  mkdirSync(folder, { recursive: true })
  const lib = await openLibrary(dataDir, { holder: 'test' })
  await lib.reconciled
  const stores = await openSyncStores(dataDir)
  const engine = await startSync(lib, stores, { folder, deviceName: name, compactAfter: 4, ...options })
  const device: TestDevice = {
    lib,
    engine,
    stores,
    folder,
    dataDir,
    close: async () => {
      engine.close()
      await lib.close()
    },
  }
  return device
}

/** The library's notes as sync compares them: what a person sees, without each device's own counters. */
export async function contentOf(lib: Library) {
  const notes = await Promise.all(lib.listNotes().map((s) => lib.getNote(s.id)))
  return notes.map(({ revision: _r, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id))
}

/** A note body of plain paragraphs (an empty string is an empty paragraph). */
export const docOf = (paragraphs: string[]): NoteDoc => ({
  type: 'doc',
  content: paragraphs.map((text) =>
    text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
  ),
})

/** The text of each paragraph of a note body. */
export const linesOf = (doc: NoteDoc): string[] =>
  (doc.content ?? []).map((p) => (p.content ?? []).map((t) => t.text ?? '').join(''))
