import type { CSSProperties, DragEvent, MouseEvent, ReactNode } from 'react'
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
  style: CSSProperties
  badge?: ReactNode
  onClick: (event: MouseEvent) => void
  onContextMenu: (event: MouseEvent) => void
  onDragStart: (event: DragEvent) => void
}

export const ROW_HEIGHT = 104
export const optionId = (id: string) => `note-option-${id}`

export function NoteRow(props: Props) {
  const { note, selected, active, open, now, badge } = props
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
      style={props.style}
      draggable
      onClick={props.onClick}
      onContextMenu={props.onContextMenu}
      onDragStart={props.onDragStart}
    >
      <div className={`note-row-title${title ? '' : ' is-untitled'}`}>{title || t('list.untitled')}</div>
      <time className="note-row-time" dateTime={stamp} title={formatFullTime(stamp, i18n.language)}>
        {note.trashedAt ? t('organize.trashed', { time: relative }) : relative}
      </time>
      <div className="note-row-snippet">{note.snippet || t('list.noBody')}</div>
      <div className="note-row-meta">
        {badge}
        {note.tags.slice(0, 4).map((tag) => (
          <span key={tag} className="row-tag">
            #{tag}
          </span>
        ))}
        {note.tags.length > 4 && <span className="row-tag more">+{note.tags.length - 4}</span>}
      </div>
    </div>
  )
}
