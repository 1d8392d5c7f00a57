import type { Editor } from '@tiptap/react'
import type { ReactNode } from 'react'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note, NoteDoc } from '../../../electron/shared/model'
import { formatFullTime, formatRelativeTime } from '../../lib/relative-time'
import { useNow } from '../../lib/use-now'
import { NoteEditor } from '../editor/NoteEditor'
import type { NoteDirectory } from '../editor/extensions/note-link'
import { LinkedFrom } from './LinkedFrom'
import type { AutosaveQueue, Draft } from './autosave'
import { SaveStatus } from './SaveStatus'
import { useSaveState } from './use-save-state'
import './NoteView.css'

interface Props {
  note: Note
  notebookName: string
  /** From the list row, which moves forward with each save; `note` is the copy the editor opened. */
  updatedAt: string
  autosave: AutosaveQueue<Note>
  autoFocusTitle: boolean
  /** The follow-up bar, shown under the title. */
  followUp?: ReactNode
  /** Notebook, tags and Trash controls, shown under the title. */
  organizer?: ReactNode
  /** The notes links point at (titles now, opening one); also opens a note from Linked from. */
  directory?: NoteDirectory
}

/**
 * The open note. The parent keys this component by note id, so `note.id` is fixed for its whole life
 * and every edit below is queued against that id, whatever the selection is by the time it saves.
 */
export function NoteView({
  note,
  notebookName,
  updatedAt,
  autosave,
  autoFocusTitle,
  followUp,
  organizer,
  directory,
}: Props) {
  const { t, i18n } = useTranslation()
  const noteId = note.id
  const [title, setTitle] = useState(note.title)
  const titleRef = useRef(note.title)
  const editorRef = useRef<Editor | null>(null)
  const lastDoc = useRef<NoteDoc>(note.doc)
  const titleInput = useRef<HTMLInputElement>(null)
  const now = useNow()

  // Read at save time, not at edit time, so characters typed during the debounce are never dropped.
  const read = useCallback((): Draft => {
    const editor = editorRef.current
    if (editor && !editor.isDestroyed) lastDoc.current = editor.getJSON() as NoteDoc
    return { title: titleRef.current, doc: lastDoc.current }
  }, [])

  const isComposing = useCallback(() => editorRef.current?.view.composing ?? false, [])

  const onTitleChange = (value: string) => {
    setTitle(value)
    titleRef.current = value
    autosave.edit(noteId, read)
  }

  const onBodyChange = useCallback(
    () => autosave.edit(noteId, read, isComposing),
    [autosave, noteId, read, isComposing],
  )
  const onEditorReady = useCallback((editor: Editor | null) => {
    if (editor === null && editorRef.current && !editorRef.current.isDestroyed) {
      lastDoc.current = editorRef.current.getJSON() as NoteDoc
    }
    editorRef.current = editor
  }, [])

  useEffect(() => {
    if (autoFocusTitle) titleInput.current?.focus()
  }, [autoFocusTitle])

  // Runs before the editor is torn down, so the last keystrokes are read from a live editor.
  useLayoutEffect(() => () => void autosave.flush(noteId), [autosave, noteId])

  const state = useSaveState(autosave, noteId)
  const updated = formatRelativeTime(updatedAt, now, i18n.language)

  return (
    <article className="note-view" aria-labelledby={`note-title-${noteId}`}>
      <header className="note-header">
        <div className="note-meta">
          <span className="note-notebook">{t('note.in', { name: notebookName })}</span>
          <span aria-hidden="true" className="dot">
            ·
          </span>
          <time dateTime={updatedAt} title={formatFullTime(updatedAt, i18n.language)}>
            {t('note.edited', { time: updated })}
          </time>
          <SaveStatus state={state} onRetry={() => void autosave.flush(noteId)} />
        </div>
        <input
          id={`note-title-${noteId}`}
          ref={titleInput}
          className="note-title"
          type="text"
          aria-label={t('note.title')}
          placeholder={t('note.titlePlaceholder')}
          value={title}
          maxLength={500}
          onChange={(event) => onTitleChange(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault()
              editorRef.current?.commands.focus('start')
            }
          }}
        />
        {organizer}
      </header>
      {followUp}
      <NoteEditor
        initialDoc={note.doc}
        noteId={noteId}
        directory={directory}
        onChange={onBodyChange}
        onReady={onEditorReady}
      />
      {directory && <LinkedFrom noteId={noteId} onOpen={(id) => directory.open(id)} />}
    </article>
  )
}
