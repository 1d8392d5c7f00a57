import { useMemo, useState } from 'react'
import { viewOfList, type LibraryList } from './list-store'
import { SORT_KEYS, type ListScope, type SortKey } from './list-view'

const SORT_STORAGE = 'tickler.sort'

function storedSort(): SortKey {
  try {
    const value = globalThis.localStorage?.getItem(SORT_STORAGE)
    return SORT_KEYS.includes(value as SortKey) ? (value as SortKey) : 'updated'
  } catch {
    return 'updated' // storage blocked: the default order is fine
  }
}

/** The list for one scope in the remembered sort order, plus the sidebar's counts (kept by the list) and tags. */
export function useNotesView(list: LibraryList, scope: ListScope, locale: string) {
  const [sort, setSortState] = useState<SortKey>(storedSort)
  const setSort = (key: SortKey) => {
    setSortState(key)
    try {
      globalThis.localStorage?.setItem(SORT_STORAGE, key)
    } catch {
      // Not remembered this time; the choice still applies now.
    }
  }
  const { counts } = list
  const [view] = useState(viewOfList)
  const visible = useMemo(() => view(list, scope, sort, locale), [view, list, scope, sort, locale])
  const knownTags = useMemo(() => counts.tags.map((t) => t.tag), [counts])
  return { visible, counts, knownTags, sort, setSort }
}
