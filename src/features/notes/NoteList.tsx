import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteSummary } from '../../../electron/shared/model'
import { formatFullTime, formatRelativeTime } from '../../lib/relative-time'
import { useNow } from '../../lib/use-now'

interface Props {
  heading: string
  notes: NoteSummary[]
  selectedId: string | null
  loaded: boolean
  isAll: boolean
  onSelect: (id: string) => void
  onCreate: () => void
}

/** A listbox: one tab stop, arrow keys move the selection like a mail client's message list. */
export function NoteList({ heading, notes, selectedId, loaded, isAll, onSelect, onCreate }: Props) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  const listRef = useRef<HTMLUListElement>(null)
  const focusIndex = Math.max(
    0,
    notes.findIndex((note) => note.id === selectedId),
  )

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const current = notes.findIndex((note) => note.id === selectedId)
    const last = notes.length - 1
    const target =
      event.key === 'ArrowDown'
        ? Math.min(last, current + 1)
        : event.key === 'ArrowUp'
          ? Math.max(0, current - 1)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null
    if (target === null || target < 0) return
    event.preventDefault()
    const note = notes[target]
    if (!note) return
    onSelect(note.id)
    listRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[target]?.focus()
  }

  return (
    <section className="list-pane" aria-labelledby="list-heading">
      <header className="list-header">
        <h1 id="list-heading">{heading}</h1>
        <span className="list-count">{t('sidebar.count', { count: notes.length })}</span>
      </header>
      {loaded && notes.length === 0 ? (
        <div className="empty-state list-empty">
          <div className="empty-illustration" aria-hidden="true" />
          <h2>{isAll ? t('list.emptyAllTitle') : t('list.emptyTitle')}</h2>
          <p>{isAll ? t('list.emptyAllHint') : t('list.emptyHint', { name: heading })}</p>
          <button type="button" className="primary-button" onClick={onCreate}>
            {t('list.createFirst')}
          </button>
        </div>
      ) : (
        <ul
          ref={listRef}
          className="note-list"
          role="listbox"
          aria-label={t('list.label')}
          onKeyDown={onKeyDown}
        >
          {notes.map((note, index) => {
            const selected = note.id === selectedId
            return (
              <li
                key={note.id}
                role="option"
                aria-selected={selected}
                tabIndex={index === focusIndex ? 0 : -1}
                className="note-row"
                onClick={() => onSelect(note.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault()
                    onSelect(note.id)
                  }
                }}
              >
                <div className={`note-row-title${note.title.trim() ? '' : ' is-untitled'}`}>
                  {note.title.trim() || t('list.untitled')}
                </div>
                <div className="note-row-snippet">{note.snippet || t('list.noBody')}</div>
                <time
                  className="note-row-time"
                  dateTime={note.updatedAt}
                  title={formatFullTime(note.updatedAt, i18n.language)}
                >
                  {formatRelativeTime(note.updatedAt, now, i18n.language)}
                </time>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
