import { useEffect, useState } from 'react'
import type { Note } from '../../electron/shared/model'
import { AutosaveQueue } from '../features/notes/autosave'
import { useApi } from './api-context'

/**
 * One queue for the window, flushed whenever the page may be about to go away. The window does not
 * re-render when a save's state changes: only the open note's status line does (useSaveState), so a
 * save never re-renders the 100,000-row list around it.
 */
export function useAutosave() {
  const api = useApi()
  const [queue] = useState(() => new AutosaveQueue<Note>({ save: (request) => api.notes.update(request) }))

  useEffect(() => {
    const flush = () => void queue.flushAll()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('beforeunload', flush)
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('beforeunload', flush)
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      flush()
    }
  }, [queue])

  return queue
}
