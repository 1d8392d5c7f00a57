import { memo, type DragEvent, type MouseEvent, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteSummary } from '../../../electron/shared/model'
import { formatFullTime, formatRelativeTime } from '../../lib/relative-time'

interface Props {
  note: NoteSummary
  index: number
  total: number
  selected: boolean
  active: boolean
  open: boolean
  now: Date
  top: number
  renderBadge?: (note: NoteSummary, now: Date) => ReactNode
  /** Read at event time, so rows can skip re-rendering while the list scrolls and still act on fresh state. */
  handlers: RefObject<RowHandlers | null>
}

export interface RowHandlers {
  click: (id: string, event: MouseEvent) => void
  contextMenu: (id: string, event: MouseEvent) => void
  dragStart: (id: string, event: DragEvent) => void
}

export const ROW_HEIGHT = 104
export const optionId = (id: string) => `note-option-${id}`

/** Memoised: while scrolling only rows entering the window render; the rest keep their DOM. */
export const NoteRow = memo(function NoteRow(props: Props) {
  const { note, selected, active, open, now, handlers } = props
  const { t, i18n } = useTranslation()
  const title = note.title.trim()
  const stamp = note.trashedAt ?? note.updatedAt
  const relative = formatRelativeTime(stamp, now, i18n.language)
  return (
    <div
      id={optionId(note.id)}
      role="option"
      aria-selected={selected}
      aria-posinset={props.index + 1}
      aria-setsize={props.total}
      className={`note-row${active ? ' is-active' : ''}${open ? ' is-open' : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${props.top}px)` }}
      draggable
      onClick={(event) => handlers.current?.click(note.id, event)}
      onContextMenu={(event) => handlers.current?.contextMenu(note.id, event)}
      onDragStart={(event) => handlers.current?.dragStart(note.id, event)}
    >
      <div className={`note-row-title${title ? '' : ' is-untitled'}`}>{title || t('list.untitled')}</div>
      <time className="note-row-time" dateTime={stamp} title={formatFullTime(stamp, i18n.language)}>
        {note.trashedAt ? t('organize.trashed', { time: relative }) : relative}
      </time>
      <div className="note-row-snippet">{note.snippet || t('list.noBody')}</div>
      <div className="note-row-meta">
        {props.renderBadge?.(note, now)}
        {note.tags.slice(0, 4).map((tag) => (
          <span key={tag} className="row-tag">
            #{tag}
          </span>
        ))}
        {note.tags.length > 4 && <span className="row-tag more">+{note.tags.length - 4}</span>}
      </div>
    </div>
  )
})
