import { useEffect } from 'react'

/**
 * Opens the search palette from elsewhere (a saved search in the sidebar with its query, the app menu's
 * Search Notes with the last one). The palette is mounted once; this is how other features reach it
 * without threading callbacks through the shell.
 */
const listeners = new Set<(query?: string) => void>()

export function openSearch(query?: string): void {
  for (const listener of listeners) listener(query)
}

export function useSearchLauncher(onOpen: (query?: string) => void): void {
  useEffect(() => {
    listeners.add(onOpen)
    return () => void listeners.delete(onOpen)
  }, [onOpen])
}
