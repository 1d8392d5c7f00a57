import { useCallback, useEffect, useRef, useState } from 'react'
import type { MethodOutput } from '../../electron/shared/contract'
import type { NoteSummary } from '../../electron/shared/model'
import { EMPTY_LIST, NoteListStore, type LibraryList } from '../features/notes/list-store'
import { useApi } from './api-context'
import { messageOf } from '../ui/message-of'

export type NotebookWithCount = MethodOutput<'notebooks.list'>[number]

export interface LibraryState {
  notebooks: NotebookWithCount[]
  list: LibraryList
  /** Every page of the list has arrived (or the load failed): only then is an empty view really empty. */
  loaded: boolean
  error: string | null
}

/** Enough rows to fill the tallest window; the rest follow in pages that each parse in a few milliseconds. */
const FIRST_PAGE = 200
const PAGE = 5_000
/** A bulk move or tag rename emits one change per note: they are patched in together. */
const COALESCE_MS = 40

/**
 * Notebooks and every note's row (Trash included), kept fresh from library.changed: each event carries the
 * written rows and the removed ids, which are patched into the list, so a save never reloads it. Views,
 * counts and tags are derived from this one list in the renderer.
 */
export function useLibrary() {
  const api = useApi()
  const [state, setState] = useState<LibraryState>({
    notebooks: [],
    list: EMPTY_LIST,
    loaded: false,
    error: null,
  })
  // The list itself, outside React state: each page and change is applied to it once, and the list it
  // returns is what state shows.
  const [store] = useState(() => new NoteListStore())
  // Only the newest load may write state, so a slow page of an abandoned load cannot win.
  const request = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++request.current
    const empty = store.beginLoad()
    setState((prev) => ({ ...prev, list: empty, loaded: false, error: null }))
    // Each page is added to the store as it arrives, at the cost of the page. Every commit still renders
    // the whole list's layout (the virtualiser's 100,000 row offsets), so pages are shown only once they
    // are as many as the rows already shown: the first rows at once, then a handful of commits.
    let shown = 0
    let gathered = 0
    const commit = () => {
      shown += gathered
      gathered = 0
      const list = store.list
      setState((prev) => ({ ...prev, list }))
    }
    try {
      const notebooks = api.notebooks.list({})
      let page = await api.notes.page({ limit: FIRST_PAGE })
      for (;;) {
        if (ticket !== request.current) return
        store.append(page.notes)
        gathered += page.notes.length
        if (!page.next) break
        if (gathered >= shown) commit()
        page = await api.notes.page({ after: page.next, limit: PAGE })
      }
      const books = await notebooks
      if (ticket !== request.current) return
      commit()
      setState((prev) => ({ ...prev, notebooks: books, loaded: true }))
    } catch (error) {
      if (ticket !== request.current) return
      commit() // the rows that did arrive stay on screen
      setState((prev) => ({ ...prev, loaded: true, error: messageOf(error) }))
    } finally {
      if (ticket === request.current) store.endLoad()
    }
  }, [api, store])

  useEffect(() => {
    void reload()
  }, [reload])

  const reloadNotebooks = useCallback(async () => {
    try {
      const notebooks = await api.notebooks.list({})
      setState((prev) => ({ ...prev, notebooks }))
    } catch {
      // The list keeps the notebooks it had; the next change or a reload brings them.
    }
  }, [api])

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let pending = { summaries: [] as NoteSummary[], removed: [] as string[], notebooks: false }
    const off = api.on('library.changed', (change) => {
      pending.summaries.push(...change.summaries)
      pending.removed.push(...change.removed)
      pending.notebooks ||= change.notebooks
      timer ??= setTimeout(() => {
        timer = null
        const batch = pending
        pending = { summaries: [], removed: [], notebooks: false }
        const list = store.patch(batch)
        setState((prev) => ({ ...prev, list }))
        if (batch.notebooks) void reloadNotebooks()
      }, COALESCE_MS)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [api, store, reloadNotebooks])

  /** A notebook this window just created, shown without waiting for the change event's reload. */
  const addNotebook = useCallback((notebook: Omit<NotebookWithCount, 'noteCount'>) => {
    setState((prev) =>
      prev.notebooks.some((nb) => nb.id === notebook.id)
        ? prev
        : { ...prev, notebooks: [...prev.notebooks, { ...notebook, noteCount: 0 }] },
    )
  }, [])

  return { ...state, notes: state.list.notes, reload, addNotebook }
}
