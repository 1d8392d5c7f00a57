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
  /** The list's virtualizer measures each row's real height (short notes make short rows). */
  measure: (element: HTMLElement | null) => void
  /** Read at event time, so rows can skip re-rendering while the list scrolls and still act on fresh state. */
  handlers: RefObject<RowHandlers | null>
}

export interface RowHandlers {
  click: (id: string, event: MouseEvent) => void
  contextMenu: (id: string, event: MouseEvent) => void
  dragStart: (id: string, event: DragEvent) => void
}

/**
 * A row's height before it is measured: padding and title, one or two lines of snippet, the line of tags
 * and badges when there is one. Close enough that scrolling to a far row lands where it should; the
 * measured height replaces it as soon as the row is drawn.
 */
export function estimateRowHeight(note: Pick<NoteSummary, 'snippet' | 'tags' | 'followUp'>): number {
  const snippetLines = note.snippet.length > 40 ? 2 : 1
  const meta = note.tags.length > 0 || note.followUp ? 24 : 0
  return 44 + 19 * snippetLines + meta
}
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
      ref={props.measure}
      data-index={props.index}
      style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${props.top}px)` }}
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
