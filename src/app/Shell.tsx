import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { INBOX_ID } from '../../electron/shared/domain/notes'
import type { NoteSummary } from '../../electron/shared/model'
import { NoteList } from '../features/notes/NoteList'
import { TransferBar } from '../features/transfer/TransferBar'
import { NoteView } from '../features/notes/NoteView'
import { MailSource } from '../features/mail/MailSource'
import { createNoteDirectory } from '../features/editor/extensions/note-link'
import { matchesScope, type ListScope } from '../features/notes/list-view'
import { useNotesView } from '../features/notes/use-notes-view'
import { ConfirmDialog, type ConfirmRequest } from '../ui/ConfirmDialog'
import { AddToBoard } from '../features/board/AddToBoard'
import { BoardView } from '../features/board/BoardView'
import { BoardsSection } from '../features/board/BoardsSection'
import { NoteOrganizer } from '../features/organize/NoteOrganizer'
import { useOrganize } from '../features/organize/use-organize'
import { Sidebar, notebookLabel } from '../features/notes/Sidebar'
import { ThemeToggle } from '../features/settings/ThemeToggle'
import { SettingsEntry } from '../features/settings/SettingsEntry'
import { CaptureEntry } from '../features/capture/CaptureEntry'
import { SavedSearches } from '../features/search/SavedSearches'
import { SearchPalette } from '../features/search/SearchPalette'
import { openSearch } from '../features/search/search-launcher'
import { useApi } from './api-context'
import { useAutosave } from './use-autosave'
import { useLibrary } from './use-library'
import { useOpenNote } from './use-open-note'
import { useShortcuts } from './use-shortcuts'
import { readPlace, savePlace, type Place } from './place'
import { FollowUpBar } from '../features/followups/FollowUpBar'
import { FollowUpBadge } from '../features/followups/FollowUpBadge'
import { FollowUpsNav } from '../features/followups/FollowUpsNav'
import { FollowUpsView } from '../features/followups/FollowUpsView'
import { useFollowUpView } from '../features/followups/use-followup-view'
import './Shell.css'

/** One function for the window's life: a new one each render would re-render every visible row. */
const renderBadge = (note: NoteSummary, now: Date) => <FollowUpBadge note={note} now={now} />

export function Shell() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  // A reload returns to where the user was (the pane, the list's scope, the board, the open note).
  const [initial] = useState(readPlace)
  const [scope, setScope] = useState<ListScope>(initial?.scope ?? { kind: 'notebook', id: INBOX_ID })
  const library = useLibrary()
  const view = useNotesView(library.list, scope, i18n.language)
  const { addNotebook } = library
  const autosave = useAutosave()
  const [pane, setPane] = useState<Place['pane']>(initial?.pane ?? 'notes')
  // The open board replaces the note list; its cards open in the note pane beside it.
  const [boardId, setBoardId] = useState<string | null>(initial?.boardId ?? null)
  const [boardConfirm, setBoardConfirm] = useState<ConfirmRequest | null>(null)
  const followUps = useFollowUpView()
  const notes = useOpenNote({
    autosave,
    reopenId: initial?.noteId ?? null,
    // A note opened from search or another window is shown in a list it is in.
    onOpened: (note) =>
      setScope((current) =>
        matchesScope(current, note) ? current : note.trashedAt ? { kind: 'trash' } : { kind: 'all' },
      ),
  })
  const { open, openNote, createNote, closeNote, flushOpen } = notes

  const newNote = useCallback(async () => {
    const note = await createNote({
      notebookId: scope.kind === 'notebook' ? scope.id : INBOX_ID,
      tags: scope.kind === 'tag' ? [scope.tag] : undefined,
    })
    if (note && scope.kind === 'trash') setScope({ kind: 'all' })
  }, [createNote, scope])

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
  useEffect(() => api.on('search.open', () => openSearch()), [api])
  // The window is about to close or the app to quit: save what the editor holds, then say so (even when a
  // save failed, so quitting is not held up; the failure stays on screen until then).
  useEffect(
    () =>
      api.on('app.flush', ({ requestId }) => {
        void autosave
          .flushAll()
          .catch(() => undefined)
          .finally(() => void api.app.flushed({ requestId }))
      }),
    [api, autosave],
  )
  // The tray's "Due follow-ups".
  useEffect(() => api.on('followups.show', () => setPane('followups')), [api])

  useShortcuts({ newNote: () => void newNote() })

  // Note links read titles from the note list (a rename shows in every link at once) and open notes here.
  const [directory] = useState(createNoteDirectory)
  useEffect(() => directory.setOpener((id) => void openNote(id)), [directory, openNote])
  // Links read their stored titles until the whole list is in (the directory says titles are not known
  // yet); then it keeps them from the same change events the list is patched from.
  useEffect(() => directory.update(library.notes, library.loaded), [directory, library.notes, library.loaded])
  useEffect(() => api.on('library.changed', (change) => directory.patch(change)), [api, directory])

  const notebookName = (id: string) => {
    const notebook = library.notebooks.find((nb) => nb.id === id)
    return notebook ? notebookLabel(notebook, t) : id === INBOX_ID ? t('sidebar.inbox') : id
  }
  const heading =
    scope.kind === 'all'
      ? t('sidebar.allNotes')
      : scope.kind === 'trash'
        ? t('organize.trash')
        : scope.kind === 'tag'
          ? `#${scope.tag}`
          : notebookName(scope.id)
  const notebookChoices = useMemo(
    () => library.notebooks.map((nb) => ({ id: nb.id, name: nb.name, label: notebookLabel(nb, t) })),
    [library.notebooks, t],
  )
  const selectedId = notes.openId
  useEffect(() => savePlace({ pane, scope, boardId, noteId: selectedId }), [pane, scope, boardId, selectedId])
  const row = library.notes.find((note) => note.id === selectedId)
  const organize = useOrganize({ notebookName, beforeChange: flushOpen })

  return (
    <div className={pane === 'board' ? `shell is-board${open ? ' has-card' : ''}` : 'shell'}>
      <Sidebar
        notebooks={library.notebooks}
        counts={view.counts}
        actions={organize.actions}
        scope={scope}
        showingList={pane === 'notes'}
        onScope={(next) => {
          setPane('notes')
          setScope(next)
        }}
        extra={
          <FollowUpsNav
            count={(followUps.view?.counts.overdue ?? 0) + (followUps.view?.counts.today ?? 0)}
            active={pane === 'followups'}
            onOpen={() => setPane('followups')}
          />
        }
        onNewNote={() => void newNote()}
        onCreateNotebook={createNotebook}
        boards={
          <BoardsSection
            currentId={pane === 'board' ? boardId : null}
            onOpen={(id) => {
              // A board opens with no card open: the note last read elsewhere is not on it, and its panel
              // would narrow the columns.
              if (pane !== 'board' || id !== boardId) closeNote()
              setBoardId(id)
              setPane('board')
            }}
            onDeleted={(id) => {
              if (boardId === id) setPane('notes')
            }}
            confirm={setBoardConfirm}
          />
        }
        searches={<SavedSearches />}
      />
      {pane === 'board' && boardId ? (
        <BoardView key={boardId} boardId={boardId} openId={selectedId} onOpen={(id) => void openNote(id)} />
      ) : pane === 'followups' ? (
        <FollowUpsView view={followUps.view} onOpen={(id) => void openNote(id)} />
      ) : (
        <NoteList
          heading={heading}
          scope={scope}
          notes={view.visible}
          openId={selectedId}
          loaded={library.loaded}
          sort={view.sort}
          onSort={view.setSort}
          onOpen={(id, focusNote) => void openNote(id, focusNote)}
          onCreate={() => void newNote()}
          actions={organize.actions}
          notebooks={notebookChoices}
          knownTags={view.knownTags}
          renderBadge={renderBadge}
        />
      )}
      <main className="note-pane">
        {pane === 'board' && open && (
          <button
            type="button"
            className="icon-button close-card"
            aria-label={t('boards.card.close')}
            title={t('boards.card.close')}
            onClick={closeNote}
          >
            ×
          </button>
        )}
        <TransferBar
          notebookId={scope.kind === 'notebook' ? scope.id : undefined}
          noteId={selectedId}
          beforeExport={() => autosave.flushAll()}
          notebooks={notebookChoices}
        />
        {(notes.problem ?? library.error) && (
          <div className="banner" role="alert">
            <span>{notes.problem ?? t('library.loadFailed', { message: library.error })}</span>
            {!notes.problem && (
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
            directory={directory}
            organizer={
              <NoteOrganizer
                note={open.note}
                autosave={autosave}
                context={{ notebooks: notebookChoices, knownTags: view.knownTags, ...organize.actions }}
                tools={
                  <AddToBoard
                    note={open.note}
                    beforeChange={() => flushOpen([open.note.id])}
                    onChanged={notes.showSaved}
                  />
                }
              />
            }
            followUp={
              <>
                <MailSource note={open.note} />
                <FollowUpBar
                  note={open.note}
                  // Pending edits are saved first, so the change does not leave the editor a revision behind.
                  beforeChange={() => notes.saveFirst(open.note.id)}
                  onChanged={(saved) => {
                    notes.showSaved(saved)
                    followUps.refresh()
                  }}
                />
              </>
            }
          />
        ) : (
          <div className="empty-state note-empty">
            <div className="empty-illustration paper" aria-hidden="true" />
            <h2>{t('note.emptyTitle')}</h2>
            <p>{t('note.emptyHint')}</p>
          </div>
        )}
      </main>
      <ConfirmDialog request={organize.confirm} onDone={organize.closeConfirm} />
      <ConfirmDialog request={boardConfirm} onDone={() => setBoardConfirm(null)} />
      <div className={`toast${organize.notice?.error ? ' is-error' : ''}`} role="status" aria-live="polite">
        {organize.notice && (
          <>
            <span>{organize.notice.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('organize.cancel')}
              onClick={organize.clearNotice}
            >
              ×
            </button>
          </>
        )}
      </div>
      <ThemeToggle />
      <SettingsEntry />
      <CaptureEntry />
      <SearchPalette onOpen={(id) => void openNote(id)} />
    </div>
  )
}
