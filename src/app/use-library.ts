import { useCallback, useEffect, useRef, useState } from 'react'
import type { MethodOutput } from '../../electron/shared/contract'
import type { Note, NoteSummary } from '../../electron/shared/model'
import { sortByUpdated, upsertSummary } from '../features/notes/note-list'
import { useApi } from './api-context'

export type NotebookWithCount = MethodOutput<'notebooks.list'>[number]

export interface LibraryState {
  notebooks: NotebookWithCount[]
  notes: NoteSummary[]
  loaded: boolean
  error: string | null
}

const ALL = { kind: 'all' } as const

/**
 * Notebooks and every note's summary (Trash included), kept fresh on library.changed. Views, counts
 * and tags are derived from this one list in the renderer; at 10,000 notes that is a few milliseconds.
 */
export function useLibrary() {
  const api = useApi()
  const [state, setState] = useState<LibraryState>({ notebooks: [], notes: [], loaded: false, error: null })
  // Only the newest request may write state, so a slow reply for an old scope cannot win.
  const request = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++request.current
    try {
      const [notebooks, notes] = await Promise.all([api.notebooks.list({}), api.notes.list({})])
      if (ticket !== request.current) return
      setState({ notebooks, notes: sortByUpdated(notes), loaded: true, error: null })
    } catch (error) {
      if (ticket !== request.current) return
      setState((prev) => ({
        ...prev,
        loaded: true,
        error: error instanceof Error ? error.message : String(error),
      }))
    }
  }, [api])

  useEffect(() => {
    void reload()
  }, [reload])

  // A bulk move or tag rename emits one change per note: coalesce them into one reload.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const off = api.on('library.changed', () => {
      timer ??= setTimeout(() => {
        timer = null
        void reload()
      }, 40)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [api, reload])

  /** Reflects a note this window just created or saved without waiting for the round trip. */
  const applyNote = useCallback((note: Note, isNew = false) => {
    setState((prev) => ({
      ...prev,
      notes: upsertSummary(prev.notes, note, ALL),
      notebooks: isNew
        ? prev.notebooks.map((nb) =>
            nb.id === note.notebookId ? { ...nb, noteCount: nb.noteCount + 1 } : nb,
          )
        : prev.notebooks,
    }))
  }, [])

  const addNotebook = useCallback((notebook: Omit<NotebookWithCount, 'noteCount'>) => {
    setState((prev) =>
      prev.notebooks.some((nb) => nb.id === notebook.id)
        ? prev
        : { ...prev, notebooks: [...prev.notebooks, { ...notebook, noteCount: 0 }] },
    )
  }, [])

  return { ...state, reload, applyNote, addNotebook }
}
