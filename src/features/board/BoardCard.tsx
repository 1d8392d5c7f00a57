import type { DraggableAttributes } from '@dnd-kit/core'
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { TFunction } from 'i18next'
import { memo, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { LabelColors } from '../../../electron/shared/board'
import type { NoteSummary } from '../../../electron/shared/model'
import { formatDue } from '../followups/format'
import { dueState } from './board-state'
import { labelStyle } from './label-color'
import './cards.css'

/**
 * The words every card shows, translated once per board rather than once per card: a 1,000-card board
 * mounts cards as it scrolls, and i18next's interpolation was most of what mounting a card cost.
 */
export interface CardText {
  t: TFunction
  language: string
  untitled: string
  tags: string
  /** "Open card {{title}}" and "Move card {{title}}", filled without going through i18next again. */
  open: (title: string) => string
  move: (title: string) => string
  /** The board's colours for its labels (from Trello), when it has some. */
  labelColors: LabelColors | undefined
}

const SLOT = '\uE000'
function template(text: string): (value: string) => string {
  const at = text.indexOf(SLOT)
  if (at < 0 || text.indexOf(SLOT, at + 1) >= 0) return () => text
  const [before, after] = [text.slice(0, at), text.slice(at + SLOT.length)]
  return (value) => before + value + after
}

export function useCardText(labelColors?: LabelColors): CardText {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  return useMemo(
    () => ({
      t,
      language,
      untitled: t('boards.card.untitled'),
      tags: t('organize.tags'),
      open: template(t('boards.card.open', { title: SLOT })),
      move: template(t('boards.card.moveHandle', { title: SLOT })),
      labelColors,
    }),
    [t, language, labelColors],
  )
}

export const cardTitle = (card: NoteSummary, text: CardText) => card.title.trim() || text.untitled

interface FaceProps {
  card: NoteSummary
  now: Date
  text: CardText
  onOpen?: () => void
}

/** What a card shows; also drawn in the drag overlay, without the sortable wiring. */
export function CardFace({ card, now, text, onOpen }: FaceProps) {
  const { t, language } = text
  const title = cardTitle(card, text)
  const due = dueState(card, now)
  const { tasks, media } = card
  return (
    <>
      {card.tags.length > 0 && (
        <ul className="card-labels" aria-label={text.tags}>
          {card.tags.map((tag) => (
            <li key={tag} className="card-label" style={labelStyle(tag, text.labelColors)}>
              {tag}
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="card-title"
        onClick={onOpen}
        aria-label={text.open(title)}
        tabIndex={onOpen ? 0 : -1}
      >
        {title}
      </button>
      <div className="card-meta">
        {due && card.followUp && (
          <span className={`card-badge due-${due}`}>
            <span className="card-icon icon-clock" aria-hidden="true" />
            {t(`boards.card.${due}`, { when: formatDue(card.followUp.dueAt, language) })}
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
          <span
            className="card-badge"
            role="img"
            aria-label={t('boards.card.images', { count: media.images })}
          >
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

interface BodyProps {
  card: NoteSummary
  now: Date
  text: CardText
  onOpen: (id: string) => void
  handleAttributes: DraggableAttributes
  setHandle: (el: HTMLElement | null) => void
}

/**
 * The card's contents and its keyboard handle. dnd-kit re-renders every sortable on each step of a
 * drag; this part only when the card itself changes, so a step costs the sortable hooks and no more.
 */
const CardBody = memo(function CardBody({ card, now, text, onOpen, handleAttributes, setHandle }: BodyProps) {
  const label = text.move(cardTitle(card, text))
  return (
    <>
      <CardFace card={card} now={now} text={text} onOpen={() => onOpen(card.id)} />
      <button
        ref={setHandle}
        type="button"
        className="card-handle"
        {...handleAttributes}
        aria-label={label}
        title={label}
      >
        <span aria-hidden="true">⋮⋮</span>
      </button>
    </>
  )
})

interface Props {
  card: NoteSummary
  columnId: string
  now: Date
  open: boolean
  text: CardText
  /** Must keep its identity across renders (BoardView passes a stable one), or every card re-renders. */
  onOpen: (id: string) => void
}

/**
 * A sortable card. The pointer can drag it from anywhere (after a few pixels, so a click still opens
 * it); the keyboard picks it up only from its handle, so Enter on the title opens the note.
 */
export const BoardCard = memo(function BoardCard({ card, columnId, now, open, text, onOpen }: Props) {
  const data = useMemo(() => ({ type: 'card', columnId }), [columnId])
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: card.id, data })
  // A card the drag does not displace gets no transform at all: an identity translate3d on every
  // mounted card made each one a compositing layer for the whole drag.
  const moved = transform !== null && (transform.x !== 0 || transform.y !== 0)
  return (
    <div
      ref={setNodeRef}
      data-card-id={card.id}
      className={`board-card${isDragging ? ' is-dragging' : ''}${open ? ' is-open' : ''}${card.doneAt ? ' is-done' : ''}`}
      style={
        moved || transition
          ? { transform: moved ? CSS.Translate.toString(transform) : undefined, transition }
          : undefined
      }
      {...listeners}
    >
      <CardBody
        card={card}
        now={now}
        text={text}
        onOpen={onOpen}
        handleAttributes={attributes}
        setHandle={setActivatorNodeRef}
      />
    </div>
  )
})
