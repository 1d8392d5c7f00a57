import type * as Y from 'yjs'
import { SavedSearch } from '../../shared/contract-search'
import { DEFAULT_STANDARDS, Standard } from '../../shared/followups/standards'
import { openBoardStore } from '../boards/store'
import { openSavedSearchStore } from '../saved-searches'
import { openSettings } from '../settings'
import type { Library } from '../types'
import { applyBoards, rehomeCards } from './board-cards'
import { absorbBoards, BOARDS_GUID, readBoards } from './boards-doc'
import { deepEqual } from './deep-equal'
import type { DocSet } from './doc-set'
import { entriesDoc } from './entries-doc'
import type { RevIndex } from './local-store'
import { absorbNotebooks, applyNotebooks, NOTEBOOKS_GUID } from './notebooks-doc'

/**
 * The library-level Y.Docs — notebooks, boards with their columns, saved searches, follow-up
 * standards — and how a pass records and applies each. The stores are read from disk at each pass:
 * the pass runs in the process that holds the library's lock, so nothing else writes them meanwhile.
 */
interface LibraryDoc {
  guid: string
  /**
   * Reads this device's copy and returns the change recording it (synchronous: it runs inside the
   * pass's capture); `addOnly` the first time (see entries-doc.ts).
   */
  absorb(lib: Library, addOnly: boolean, now: string): Promise<(doc: Y.Doc) => void>
  apply(lib: Library, doc: Y.Doc): Promise<void>
}

export const SAVED_SEARCHES_GUID = '@saved-searches'
export const STANDARDS_GUID = '@standards'
const savedSearches = entriesDoc('searches', SavedSearch)
const standards = entriesDoc('standards', Standard, DEFAULT_STANDARDS)

/** The sidebar keeps the order searches were saved in; the doc is a map, so order by when and id. */
const byCreation = (a: SavedSearch, b: SavedSearch) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))

const UNITS: LibraryDoc[] = [
  {
    guid: NOTEBOOKS_GUID,
    absorb: async (lib, addOnly) => (doc) => absorbNotebooks(doc, lib.listNotebooks(), addOnly),
    apply: applyNotebooks,
  },
  {
    guid: BOARDS_GUID,
    absorb: async (lib, addOnly, now) => {
      const boards = (await openBoardStore(lib.dataDir)).list()
      return (doc) => absorbBoards(doc, boards, addOnly, now)
    },
    apply: async (lib, doc) =>
      applyBoards(
        lib,
        await openBoardStore(lib.dataDir),
        await openSettings(lib.dataDir, false),
        readBoards(doc),
      ),
  },
  {
    guid: SAVED_SEARCHES_GUID,
    absorb: async (lib, addOnly, now) => {
      const list = await openSavedSearchStore(lib.dataDir).list()
      return (doc) => savedSearches.absorb(doc, list, addOnly, now)
    },
    apply: async (lib, doc) => {
      const store = openSavedSearchStore(lib.dataDir)
      const wanted = savedSearches.read(doc)
      if (!deepEqual(byId(await store.list()), wanted)) await store.change(() => wanted.sort(byCreation))
    },
  },
  {
    guid: STANDARDS_GUID,
    absorb: async (lib, addOnly, now) => {
      const list = (await openSettings(lib.dataDir, false)).standards()
      return (doc) => standards.absorb(doc, list, addOnly, now)
    },
    apply: async (lib, doc) => {
      const settings = await openSettings(lib.dataDir, false)
      const wanted = standards.read(doc)
      const have = new Map(settings.standards().map((s) => [s.id, s]))
      for (const s of wanted) if (!deepEqual(have.get(s.id), s)) await settings.saveStandard(s)
      for (const id of have.keys()) if (!wanted.some((s) => s.id === id)) await settings.deleteStandard(id)
    },
  },
]

/**
 * Step 1 (`first` false) and after the folder's packs (`first` true). A doc this device has applied
 * before records local changes against it, before remote ones, like a note. A doc this device has never
 * applied is filled from the folder first and then takes only what the folder has never heard of —
 * otherwise a fresh device's default standards would race the folder's edited ones.
 */
export async function absorbLibraryDocs(
  set: DocSet,
  revs: RevIndex,
  lib: Library,
  now: string,
  first: boolean,
): Promise<void> {
  for (const unit of UNITS) {
    const rev = revs.revs.get(unit.guid)
    if (first !== (rev === undefined)) continue
    const doc = await set.getOrNew(unit.guid)
    if (rev === -1) {
      set.touched.add(unit.guid) // a remote change not fully applied yet: the doc wins
      continue
    }
    const record = await unit.absorb(lib, first, now)
    set.capture(doc, () => record(doc))
    // Applied at least once, so the next pass records against it.
    if (first) set.touched.add(unit.guid)
  }
}

/** Step 6, before notes: a note that arrived with a new notebook or board finds it. */
export async function applyLibraryDocs(docs: Y.Doc[], revs: RevIndex, lib: Library): Promise<void> {
  for (const unit of UNITS) {
    const doc = docs.find((d) => d.guid === unit.guid)
    if (!doc) continue
    await unit.apply(lib, doc)
    revs.set([[unit.guid, 0]])
  }
}

/**
 * After the notes are written: cards whose board or column the boards doc records as deleted are
 * given a home (board-cards.ts). Every pass that wrote anything, since the card may arrive later than
 * the delete.
 */
export async function rehomeLibraryCards(set: DocSet, lib: Library): Promise<void> {
  if (!lib.listNotes().some((s) => s.board)) return
  const doc = await set.getOrNew(BOARDS_GUID)
  await rehomeCards(lib, (await openBoardStore(lib.dataDir)).list(), readBoards(doc))
}
