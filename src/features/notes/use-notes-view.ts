import { useMemo, useState } from 'react'
import type { NoteSummary } from '../../../electron/shared/model'
import { countNotes, visibleNotes, SORT_KEYS, type ListScope, type SortKey } from './list-view'

const SORT_STORAGE = 'tickler.sort'

function storedSort(): SortKey {
  try {
    const value = globalThis.localStorage?.getItem(SORT_STORAGE)
    return SORT_KEYS.includes(value as SortKey) ? (value as SortKey) : 'updated'
  } catch {
    return 'updated' // storage blocked: the default order is fine
  }
}

/** The list for one scope in the remembered sort order, plus the sidebar's counts and tag list. */
export function useNotesView(all: NoteSummary[], scope: ListScope, locale: string) {
  const [sort, setSortState] = useState<SortKey>(storedSort)
  const setSort = (key: SortKey) => {
    setSortState(key)
    try {
      globalThis.localStorage?.setItem(SORT_STORAGE, key)
    } catch {
      // Not remembered this time; the choice still applies now.
    }
  }
  const visible = useMemo(() => visibleNotes(all, scope, sort, locale), [all, scope, sort, locale])
  const counts = useMemo(() => countNotes(all), [all])
  const knownTags = useMemo(() => counts.tags.map((t) => t.tag), [counts])
  return { visible, counts, knownTags, sort, setSort }
}
