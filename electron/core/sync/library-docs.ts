import type * as Y from 'yjs'
import { SavedSearch } from '../../shared/contract-search'
import { DEFAULT_STANDARDS, Standard } from '../../shared/followups/standards'
import type { Library } from '../types'
import { applyBoards, rehomeCards } from './board-cards'
import { absorbBoards, BOARDS_GUID, readBoards } from './boards-doc'
import { deepEqual } from './deep-equal'
import type { DocSet } from './doc-set'
import { entriesDoc } from './entries-doc'
import type { RevIndex } from './local-store'
import { absorbNotebooks, applyNotebooks, NOTEBOOKS_GUID } from './notebooks-doc'
import type { SyncStores } from './stores'

/**
 * The library-level Y.Docs — notebooks, boards with their columns, saved searches, follow-up
 * standards — and how a pass records and applies each, through the stores the host holds open
 * (stores.ts): the pass runs in the process that holds the library's lock, beside the app's own writes.
 */
interface LibraryDoc {
  guid: string
  /**
   * Reads this device's copy and returns the change recording it (synchronous: it runs inside the
   * pass's capture); `addOnly` the first time (see entries-doc.ts).
   */
  absorb(lib: Library, stores: SyncStores, addOnly: boolean, now: string): Promise<(doc: Y.Doc) => void>
  /** Returns true when it wrote anything. */
  apply(lib: Library, stores: SyncStores, doc: Y.Doc): Promise<boolean>
  /** The store it writes, for the host's change event (notebooks travel with library.changed). */
  store?: 'boards' | 'searches' | 'standards'
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
    absorb: async (lib, _stores, addOnly) => (doc) => absorbNotebooks(doc, lib.listNotebooks(), addOnly),
    apply: async (lib, _stores, doc) => {
      await applyNotebooks(lib, doc)
      return false
    },
  },
  {
    guid: BOARDS_GUID,
    store: 'boards',
    absorb: async (_lib, stores, addOnly, now) => {
      const boards = (await stores.boards()).list()
      return (doc) => absorbBoards(doc, boards, addOnly, now)
    },
    apply: async (lib, stores, doc) =>
      applyBoards(lib, await stores.boards(), stores.settings, readBoards(doc)),
  },
  {
    guid: SAVED_SEARCHES_GUID,
    store: 'searches',
    absorb: async (_lib, stores, addOnly, now) => {
      const list = await stores.searches.list()
      return (doc) => savedSearches.absorb(doc, list, addOnly, now)
    },
    apply: async (_lib, { searches }, doc) => {
      const wanted = savedSearches.read(doc)
      if (deepEqual(byId(await searches.list()), wanted)) return false
      await searches.change(() => wanted.sort(byCreation))
      return true
    },
  },
  {
    guid: STANDARDS_GUID,
    store: 'standards',
    absorb: async (_lib, stores, addOnly, now) => {
      const list = stores.settings.standards()
      return (doc) => standards.absorb(doc, list, addOnly, now)
    },
    apply: async (_lib, { settings }, doc) => {
      const wanted = standards.read(doc)
      const have = new Map(settings.standards().map((s) => [s.id, s]))
      let wrote = false
      for (const s of wanted) {
        if (deepEqual(have.get(s.id), s)) continue
        await settings.saveStandard(s)
        wrote = true
      }
      for (const id of have.keys()) {
        if (wanted.some((s) => s.id === id)) continue
        await settings.deleteStandard(id)
        wrote = true
      }
      return wrote
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
  stores: SyncStores,
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
    const record = await unit.absorb(lib, stores, first, now)
    set.capture(doc, () => record(doc))
    // Applied at least once, so the next pass records against it.
    if (first) set.touched.add(unit.guid)
  }
}

/** Step 6, before notes: a note that arrived with a new notebook or board finds it. */
export async function applyLibraryDocs(
  docs: Y.Doc[],
  revs: RevIndex,
  lib: Library,
  stores: SyncStores,
): Promise<void> {
  for (const unit of UNITS) {
    const doc = docs.find((d) => d.guid === unit.guid)
    if (!doc) continue
    const wrote = await unit.apply(lib, stores, doc)
    revs.set([[unit.guid, 0]])
    if (wrote && unit.store) stores.changed?.(unit.store)
  }
}

/**
 * After the notes are written: cards whose board or column the boards doc records as deleted are
 * given a home (board-cards.ts). Every pass that wrote anything, since the card may arrive later than
 * the delete.
 */
export async function rehomeLibraryCards(set: DocSet, lib: Library, stores: SyncStores): Promise<void> {
  if (!lib.listNotes().some((s) => s.board)) return
  const doc = await set.getOrNew(BOARDS_GUID)
  await rehomeCards(lib, (await stores.boards()).list(), readBoards(doc))
}
