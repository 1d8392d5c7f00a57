import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteSummary } from '../../../electron/shared/model'
import { formatDue } from '../followups/format'
import { dueState } from './board-state'
import { labelHue } from './label-color'

interface Props {
  card: NoteSummary
  columnId: string
  now: Date
  open: boolean
  onOpen: (id: string) => void
  /** Virtualised columns position cards absolutely. */
  style?: CSSProperties
  measureRef?: (el: HTMLElement | null) => void
  index?: number
}

/** What a card shows; also drawn in the drag overlay, without the sortable wiring. */
export function CardFace({ card, now, onOpen }: Pick<Props, 'card' | 'now'> & { onOpen?: () => void }) {
  const { t, i18n } = useTranslation()
  const title = card.title.trim() || t('boards.card.untitled')
  const due = dueState(card, now)
  const { tasks, media } = card
  return (
    <>
      {card.tags.length > 0 && (
        <ul className="card-labels" aria-label={t('organize.tags')}>
          {card.tags.map((tag) => (
            <li key={tag} className="card-label" style={{ '--label-hue': labelHue(tag) } as CSSProperties}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="card-title" onClick={onOpen} aria-label={t('boards.card.open', { title })} tabIndex={onOpen ? 0 : -1}>
        {title}
      </button>
      <div className="card-meta">
        {due && card.followUp && (
          <span className={`card-badge due-${due}`}>
            <span className="card-icon icon-clock" aria-hidden="true" />
            {t(`boards.card.${due}`, { when: formatDue(card.followUp.dueAt, i18n.language) })}
          </span>
        )}
        {card.doneAt && (
          <span className="card-badge is-done">
            <span className="card-icon icon-check" aria-hidden="true" />
            {t('boards.card.done')}
          </span>
        )}
        {tasks.total > 0 && (
          <span
            className={`card-badge${tasks.done === tasks.total ? ' is-complete' : ''}`}
            role="img"
            aria-label={t('boards.card.tasks', tasks)}
          >
            <span className="card-icon icon-checklist" aria-hidden="true" />
            {tasks.done}/{tasks.total}
          </span>
        )}
        {media.images > 0 && (
          <span className="card-badge" role="img" aria-label={t('boards.card.images', { count: media.images })}>
            <span className="card-icon icon-image" aria-hidden="true" />
            {media.images}
          </span>
        )}
        {media.files > 0 && (
          <span className="card-badge" role="img" aria-label={t('boards.card.files', { count: media.files })}>
            <span className="card-icon icon-clip" aria-hidden="true" />
            {media.files}
          </span>
        )}
        {card.archivedAt && <span className="card-badge is-archived">{t('boards.card.archived')}</span>}
      </div>
    </>
  )
}

/**
 * A sortable card. The pointer can drag it from anywhere (after a few pixels, so a click still opens
 * it); the keyboard picks it up only from its handle, so Enter on the title opens the note.
 */
export function BoardCard({ card, columnId, now, open, onOpen, style, measureRef, index }: Props) {
  const { t } = useTranslation()
  const title = card.title.trim() || t('boards.card.untitled')
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: 'card', columnId },
  })
  return (
    <div
      ref={(el) => {
        setNodeRef(el)
        measureRef?.(el)
      }}
      data-index={index}
      data-card-id={card.id}
      className={`board-card${isDragging ? ' is-dragging' : ''}${open ? ' is-open' : ''}${card.doneAt ? ' is-done' : ''}`}
      style={{ ...style, transform: CSS.Translate.toString(transform), transition }}
      {...listeners}
    >
      <CardFace card={card} now={now} onOpen={() => onOpen(card.id)} />
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="card-handle"
        {...attributes}
        aria-label={t('boards.card.moveHandle', { title })}
        title={t('boards.card.moveHandle', { title })}
      >
        <span aria-hidden="true">⋮⋮</span>
      </button>
    </div>
  )
}
