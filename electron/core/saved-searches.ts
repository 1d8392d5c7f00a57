import type { Low } from 'lowdb'
import { z } from 'zod'
import { SavedSearch } from '../shared/contract-search'
import type { Handlers } from '../shared/rpc'
import { TicklerError } from '../shared/rpc'
import { newId } from './note-files'
import { openSmallDoc } from './small-doc'
import { WriteSignal } from './write-signal'
import type { Library } from './types'

const SavedSearchesDoc = z.object({ schemaVersion: z.literal(1), searches: z.array(SavedSearch) })
type SavedSearchesDoc = z.infer<typeof SavedSearchesDoc>
const fresh = (): SavedSearchesDoc => ({ schemaVersion: 1, searches: [] })

/** At most this many: a sidebar section, not a second library. */
export const MAX_SAVED_SEARCHES = 100

type SavedSearchHandlers = Pick<Handlers, 'search.saved' | 'search.save' | 'search.unsave'>

/** saved-searches.json read and written one change at a time; sync uses it too (ids kept). */
export interface SavedSearchStore {
  list: () => Promise<SavedSearch[]>
  /** Writes `edit(list)`; a failed write leaves the document as it was. */
  change: (edit: (list: SavedSearch[]) => SavedSearch[]) => Promise<SavedSearch[]>
  /** Calls `listener` after each write; returns how to stop. */
  onWrite: (listener: () => void) => () => void
}

/**
 * saved-searches.json: the searches a user keeps in the sidebar. Its own small document written only by
 * the process holding the library's lock, one write at a time; opened on first use so the CLI never
 * touches it.
 */
export function openSavedSearchStore(dataDir: string): SavedSearchStore {
  let opened: Promise<Low<SavedSearchesDoc>> | null = null
  let queue: Promise<unknown> = Promise.resolve()
  const signal = new WriteSignal()
  const db = () =>
    (opened ??= openSmallDoc(dataDir, 'saved-searches.json', SavedSearchesDoc, fresh, false).then(
      (d) => d.db,
    ))

  const change = (edit: (list: SavedSearch[]) => SavedSearch[]): Promise<SavedSearch[]> => {
    const run = queue.then(async () => {
      const doc = await db()
      const before = doc.data.searches
      doc.data.searches = edit(before)
      try {
        await doc.write()
      } catch (error) {
        doc.data.searches = before
        throw error
      }
      signal.wrote()
      return doc.data.searches
    })
    queue = run.catch(() => undefined)
    return run
  }
  return { list: async () => (await db()).data.searches, change, onWrite: signal.onWrite.bind(signal) }
}

export function createSavedSearchHandlers(
  lib: Library,
  store: SavedSearchStore = openSavedSearchStore(lib.dataDir),
): SavedSearchHandlers {
  const { list, change } = store
  return {
    'search.saved': list,
    'search.save': ({ name, query }) =>
      change((list) => {
        const same = list.find((s) => s.query === query.trim())
        if (same) return list.map((s) => (s === same ? { ...s, name: name.trim() } : s))
        if (list.length >= MAX_SAVED_SEARCHES) {
          throw new TicklerError(
            'BAD_INPUT',
            `At most ${MAX_SAVED_SEARCHES} searches can be saved; remove one first.`,
          )
        }
        const saved = {
          id: newId(),
          name: name.trim(),
          query: query.trim(),
          createdAt: lib.now().toISOString(),
        }
        return [...list, saved]
      }),
    'search.unsave': ({ id }) => change((list) => list.filter((s) => s.id !== id)),
  }
}
