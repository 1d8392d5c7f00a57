import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import type { AutosaveQueue } from '../notes/autosave'
import { MenuButton } from '../../ui/Menu'
import { TagField } from './TagField'
import { messageOf } from '../../ui/message-of'

export interface OrganizerContext {
  notebooks: { id: string; label: string }[]
  knownTags: string[]
  move: (ids: string[], notebookId: string) => Promise<void>
  trash: (ids: string[]) => Promise<void>
  restore: (ids: string[]) => Promise<void>
}

interface Props {
  note: Note
  autosave: AutosaveQueue<Note>
  context: OrganizerContext
  /** More tools for the note from other features (Add to board), placed before the Trash button. */
  tools?: ReactNode
}

/** The open note's notebook menu, tags and Trash button, under its title. */
export function NoteOrganizer({ note, autosave, context, tools }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const [tags, setTags] = useState(note.tags)
  const [error, setError] = useState<string | null>(null)
  const here = context.notebooks.find((nb) => nb.id === note.notebookId)

  const current = useRef(note.tags)
  const chain = useRef<Promise<void>>(Promise.resolve())
  /** Tag edits are saved one after another, each with the full list, so quick adds never undo each other. */
  const saveTags = (change: (tags: string[]) => string[]) => {
    const before = current.current
    const next = change(before)
    current.current = next
    setTags(next)
    setError(null)
    chain.current = chain.current.then(async () => {
      try {
        // The body's pending edit is saved first so this write and the editor's never cross revisions.
        await autosave.flush(note.id)
        const saved = await api.notes.update({ id: note.id, tags: next })
        if (!autosave.hasUnsaved(note.id)) autosave.track(note.id, saved.revision)
      } catch (err) {
        current.current = before
        setTags(before)
        setError(t('organize.failed', { message: messageOf(err) }))
      }
    })
  }

  if (note.trashedAt) {
    return (
      <div className="note-organizer is-trashed" role="group" aria-label={t('organize.trashedNote')}>
        <span className="trashed-note">{t('organize.trashedNote')}</span>
        <button
          type="button"
          className="small-button primary"
          onClick={() => void context.restore([note.id])}
        >
          {t('organize.restore')}
        </button>
      </div>
    )
  }

  return (
    <div className="note-organizer">
      <MenuButton
        label={`${t('organize.moveNote')}: ${here?.label ?? note.notebookId}`}
        menuLabel={t('organize.moveToNotebook')}
        className="notebook-chip"
        items={() =>
          context.notebooks.map((nb) => ({
            id: nb.id,
            label: nb.label,
            checked: nb.id === note.notebookId,
            onSelect: () => void (nb.id !== note.notebookId && context.move([note.id], nb.id)),
          }))
        }
      >
        <span className="nav-icon icon-book" aria-hidden="true" />
        <span>{here?.label ?? note.notebookId}</span>
        <span className="chevron" aria-hidden="true" />
      </MenuButton>
      <TagField
        tags={tags}
        known={context.knownTags}
        onAdd={(tag) => saveTags((list) => [...list, tag])}
        onRemove={(tag) => saveTags((list) => list.filter((x) => x !== tag))}
      />
      {tools}
      <button
        type="button"
        className="icon-button trash-button"
        aria-label={t('organize.toTrash')}
        title={t('organize.toTrash')}
        onClick={() => void context.trash([note.id])}
      >
        <span className="nav-icon icon-trash" aria-hidden="true" />
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
