import { useEffect, useReducer, useState } from 'react'
import type { Note } from '../../electron/shared/model'
import { AutosaveQueue } from '../features/notes/autosave'
import { useApi } from './api-context'

/** One queue for the window, flushed whenever the page may be about to go away. */
export function useAutosave() {
  const api = useApi()
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const [queue] = useState(() => new AutosaveQueue<Note>({ save: (request) => api.notes.update(request) }))

  useEffect(() => queue.subscribe(() => rerender()), [queue])

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
