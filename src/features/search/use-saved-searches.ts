import { useCallback, useEffect, useState } from 'react'
import type { SavedSearch } from '../../../electron/shared/contract-search'
import { useApi } from '../../app/api-context'

/** Every mounted list (sidebar, palette) reloads when any of them changes the saved searches. */
const changed = new Set<(list: SavedSearch[]) => void>()

export function useSavedSearches() {
  const api = useApi()
  const [list, setList] = useState<SavedSearch[]>([])
  useEffect(() => {
    let live = true
    api.search.saved({}).then(
      (l) => live && setList(l),
      () => undefined,
    )
    changed.add(setList)
    return () => {
      live = false
      changed.delete(setList)
    }
  }, [api])
  const publish = (next: SavedSearch[]) => changed.forEach((set) => set(next))
  const save = useCallback(
    async (name: string, query: string) => publish(await api.search.save({ name, query })),
    [api],
  )
  const remove = useCallback(async (id: string) => publish(await api.search.unsave({ id })), [api])
  return { list, save, remove }
}
