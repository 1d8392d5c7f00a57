import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodInput } from '../../electron/shared/contract'
import type { Note } from '../../electron/shared/model'
import type { AutosaveQueue } from '../features/notes/autosave'
import { useApi } from './api-context'
import { messageOf } from '../ui/message-of'

export interface OpenNote {
  note: Note
  focusTitle: boolean
}

/**
 * The note in the editor and its lifecycle: opening one (the outgoing note's last keystrokes saved first),
 * creating one, saving before a change that rewrites it, showing what such a change returned, and reloading
 * it when another writer changed it. Every path goes through `show`, so a draft whose save failed is always
 * what reappears, never the stored copy.
 */
export function useOpenNote(options: {
  autosave: AutosaveQueue<Note>
  /** The note that was open before the window reloaded, reopened quietly (one deleted since is not shown). */
  reopenId: string | null
  /** Called with each note opened by id, e.g. to make the list show a scope it is in. */
  onOpened?: (note: Note) => void
}) {
  const { autosave } = options
  const { t } = useTranslation()
  const api = useApi()
  const [open, setOpen] = useState<OpenNote | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  // The note being opened or shown: a reply for a note the user has since left is dropped.
  const openId = useRef<string | null>(null)
  const onOpened = useRef(options.onOpened)
  useEffect(() => {
    onOpened.current = options.onOpened
  })

  const show = useCallback(
    (note: Note, focusTitle = false) => {
      const draft = autosave.unsavedDraft(note.id)
      if (!autosave.hasUnsaved(note.id)) autosave.track(note.id, note.revision)
      openId.current = note.id
      setOpen({ note: draft ? { ...note, ...draft } : note, focusTitle })
    },
    [autosave],
  )

  /** Saves the note's pending edits and waits until no save of it runs, so what follows sees them. */
  const saveFirst = useCallback(
    async (id: string) => {
      await autosave.flush(id)
      await autosave.settle(id)
    },
    [autosave],
  )

  const openNote = useCallback(
    async (id: string, focusNote = false) => {
      if (openId.current === id) {
        // Enter on the open note's row moves into the note.
        if (focusNote) document.getElementById(`note-title-${id}`)?.focus()
        return
      }
      // Read the outgoing note's last keystrokes now, while its editor still shows them.
      void autosave.flushAll()
      openId.current = id
      setProblem(null)
      try {
        await autosave.settle(id)
        const note = await api.notes.get({ id })
        if (openId.current !== id) return
        show(note, focusNote)
        onOpened.current?.(note)
      } catch (error) {
        if (openId.current === id) setProblem(t('note.loadFailed', { message: messageOf(error) }))
      }
    },
    [api, autosave, show, t],
  )

  /** Creates a note and opens it with its title focused; null when creating failed (the banner says why). */
  const createNote = useCallback(
    async (input: MethodInput<'notes.create'>): Promise<Note | null> => {
      void autosave.flushAll()
      setProblem(null)
      try {
        const note = await api.notes.create(input)
        show(note, true)
        return note
      } catch (error) {
        setProblem(t('note.createFailed', { message: messageOf(error) }))
        return null
      }
    },
    [api, autosave, show, t],
  )

  /** Closes the open note (its pending edits are saved first), leaving the note pane empty. */
  const closeNote = useCallback(() => {
    void autosave.flushAll()
    openId.current = null
    setOpen(null)
  }, [autosave])

  /** Saves the open note's pending edits before a change that rewrites some notes (all when `ids` is empty). */
  const flushOpen = useCallback(
    async (ids: readonly string[]) => {
      const id = openId.current
      if (id && (ids.length === 0 || ids.includes(id))) await saveFirst(id)
    },
    [saveFirst],
  )

  /** Shows what a change of the open note returned (board, follow-up), unless newer edits are waiting. */
  const showSaved = useCallback(
    (saved: Note) => {
      if (openId.current === saved.id && !autosave.hasUnsaved(saved.id)) show(saved)
    },
    [autosave, show],
  )

  const reopen = useRef(options.reopenId)
  useEffect(() => {
    const id = reopen.current
    reopen.current = null
    if (!id) return
    openId.current = id
    api.notes.get({ id }).then(
      (note) => openId.current === id && show(note),
      () => openId.current === id && (openId.current = null),
    )
  }, [api, show])

  // Another writer (CLI, second window, sync) changed the open note: reload it unless this window has unsaved
  // edits. The event's row says which revision was written, so this window's own saves (already shown) cost
  // no read; a note removed elsewhere stays on screen rather than blanking the editor.
  useEffect(() => {
    const reloadOpen = async (id: string) => {
      try {
        const note = await api.notes.get({ id })
        const known = autosave.revisionOf(id) ?? 0
        if (openId.current === id && note.revision > known && !autosave.hasUnsaved(id)) show(note)
      } catch {
        // Deleted or unreadable elsewhere: keep what is on screen.
      }
    }
    return api.on('library.changed', ({ summaries }) => {
      const id = openId.current
      const row = id ? summaries.findLast((s) => s.id === id) : undefined
      if (!id || !row || autosave.hasUnsaved(id)) return
      if (row.revision > (autosave.revisionOf(id) ?? 0)) void reloadOpen(id)
    })
  }, [api, autosave, show])

  return {
    open,
    problem,
    openId: open?.note.id ?? null,
    openNote,
    createNote,
    closeNote,
    flushOpen,
    saveFirst,
    showSaved,
  }
}
