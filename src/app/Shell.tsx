import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../electron/shared/model'
import { INBOX_ID } from '../lib/inbox'
import { NoteList } from '../features/notes/NoteList'
import { NoteView } from '../features/notes/NoteView'
import { inScope, type Scope } from '../features/notes/note-list'
import { Sidebar, notebookLabel } from '../features/notes/Sidebar'
import { useApi } from './api-context'
import { useAutosave } from './use-autosave'
import { useLibrary } from './use-library'
import { useShortcuts } from './use-shortcuts'

interface Open {
  note: Note
  focusTitle: boolean
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

export function Shell() {
  const { t } = useTranslation()
  const api = useApi()
  const [scope, setScope] = useState<Scope>({ kind: 'notebook', id: INBOX_ID })
  const library = useLibrary(scope)
  const { applyNote, addNotebook } = library
  const autosave = useAutosave()
  useEffect(() => autosave.onSaved((_id, note) => applyNote(note)), [autosave, applyNote])
  const [open, setOpen] = useState<Open | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const openId = useRef<string | null>(null)

  const show = useCallback(
    (note: Note, focusTitle = false) => {
      // A draft whose save failed is shown instead of the stored copy, so reopening never hides it.
      const draft = autosave.unsavedDraft(note.id)
      if (!autosave.hasUnsaved(note.id)) autosave.track(note.id, note.revision)
      openId.current = note.id
      setOpen({ note: draft ? { ...note, ...draft } : note, focusTitle })
    },
    [autosave],
  )

  const openNote = useCallback(
    async (id: string) => {
      if (openId.current === id) return
      // Read the outgoing note's last keystrokes now, while its editor still shows them.
      void autosave.flushAll()
      openId.current = id
      setProblem(null)
      try {
        await autosave.settle(id)
        const note = await api.notes.get({ id })
        if (openId.current !== id) return
        show(note)
        setScope((current) => (inScope(current, note.notebookId) ? current : { kind: 'all' }))
      } catch (error) {
        if (openId.current === id) setProblem(t('note.loadFailed', { message: messageOf(error) }))
      }
    },
    [api, autosave, show, t],
  )

  const newNote = useCallback(async () => {
    void autosave.flushAll()
    setProblem(null)
    try {
      const note = await api.notes.create({ notebookId: scope.kind === 'notebook' ? scope.id : INBOX_ID })
      applyNote(note, true)
      show(note, true)
    } catch (error) {
      setProblem(t('note.createFailed', { message: messageOf(error) }))
    }
  }, [api, applyNote, autosave, scope, show, t])

  const createNotebook = useCallback(
    async (name: string) => {
      const notebook = await api.notebooks.create({ name })
      addNotebook(notebook)
      setScope({ kind: 'notebook', id: notebook.id })
    },
    [api, addNotebook],
  )

  useEffect(() => api.on('note.open', ({ id }) => void openNote(id)), [api, openNote])
  useEffect(() => api.on('note.new', () => void newNote()), [api, newNote])

  // Another writer (CLI, second window) changed the open note: reload it unless this window has unsaved edits.
  useEffect(() => {
    const reloadOpen = async (noteIds: string[]) => {
      const id = openId.current
      if (!id || !noteIds.includes(id) || autosave.hasUnsaved(id)) return
      try {
        const note = await api.notes.get({ id })
        const known = autosave.revisionOf(id) ?? 0
        if (openId.current === id && note.revision > known && !autosave.hasUnsaved(id)) show(note)
      } catch {
        // Deleted or unreadable elsewhere: keep what is on screen rather than blanking the editor.
      }
    }
    return api.on('library.changed', ({ noteIds }) => void reloadOpen(noteIds))
  }, [api, autosave, show])

  useShortcuts({ newNote: () => void newNote() })

  const notebookName = (id: string) => {
    const notebook = library.notebooks.find((nb) => nb.id === id)
    return notebook ? notebookLabel(notebook, t) : id === INBOX_ID ? t('sidebar.inbox') : id
  }
  const heading = scope.kind === 'all' ? t('sidebar.allNotes') : notebookName(scope.id)
  const selectedId = open?.note.id ?? null
  const row = library.notes.find((note) => note.id === selectedId)

  return (
    <div className="shell">
      <Sidebar
        notebooks={library.notebooks}
        scope={scope}
        onScope={setScope}
        onNewNote={() => void newNote()}
        onCreateNotebook={createNotebook}
      />
      <NoteList
        heading={heading}
        notes={library.notes}
        selectedId={selectedId}
        loaded={library.loaded}
        isAll={scope.kind === 'all'}
        onSelect={(id) => void openNote(id)}
        onCreate={() => void newNote()}
      />
      <main className="note-pane">
        {(problem ?? library.error) && (
          <div className="banner" role="alert">
            <span>{problem ?? t('library.loadFailed', { message: library.error })}</span>
            {!problem && (
              <button type="button" className="link-button" onClick={() => void library.reload()}>
                {t('library.retry')}
              </button>
            )}
          </div>
        )}
        {open ? (
          <NoteView
            key={`${open.note.id}:${open.note.revision}`}
            note={open.note}
            notebookName={notebookName(open.note.notebookId)}
            updatedAt={row?.updatedAt ?? open.note.updatedAt}
            autosave={autosave}
            autoFocusTitle={open.focusTitle}
          />
        ) : (
          <div className="empty-state note-empty">
            <div className="empty-illustration paper" aria-hidden="true" />
            <h2>{t('note.emptyTitle')}</h2>
            <p>{t('note.emptyHint')}</p>
          </div>
        )}
      </main>
    </div>
  )
}
