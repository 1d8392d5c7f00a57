import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { MethodOutput } from '../../electron/shared/contract'
import type { Note, NoteSummary } from '../../electron/shared/model'
import { sortByUpdated, upsertSummary, type Scope } from '../features/notes/note-list'
import { useApi } from './api-context'

export type NotebookWithCount = MethodOutput<'notebooks.list'>[number]

export interface LibraryState {
  notebooks: NotebookWithCount[]
  notes: NoteSummary[]
  loaded: boolean
  error: string | null
}

/** Notebooks and the note list for one scope, kept fresh on library.changed. */
export function useLibrary(scope: Scope) {
  const api = useApi()
  const [state, setState] = useState<LibraryState>({ notebooks: [], notes: [], loaded: false, error: null })
  // Only the newest request may write state, so a slow reply for an old scope cannot win.
  const request = useRef(0)
  const scopeRef = useRef(scope)
  useLayoutEffect(() => {
    scopeRef.current = scope
  })

  const reload = useCallback(async () => {
    const ticket = ++request.current
    const current = scopeRef.current
    try {
      const [notebooks, notes] = await Promise.all([
        api.notebooks.list({}),
        api.notes.list(current.kind === 'notebook' ? { notebookId: current.id } : {}),
      ])
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

  const scopeKey = scope.kind === 'all' ? 'all' : `nb:${scope.id}`
  useEffect(() => {
    void reload()
  }, [reload, scopeKey])

  useEffect(() => api.on('library.changed', () => void reload()), [api, reload])

  /** Reflects a note this window just created or saved without waiting for the round trip. */
  const applyNote = useCallback((note: Note, isNew = false) => {
    setState((prev) => ({
      ...prev,
      notes: upsertSummary(prev.notes, note, scopeRef.current),
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
