import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { memo, useCallback, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import type { NoteSummary } from '../../../electron/shared/model'
import { AddCardForm } from './AddCardForm'
import { BoardCard, type CardText } from './BoardCard'
import { ColumnHeader } from './ColumnHeader'
import './BoardColumn.css'

/** Above this many cards a column only mounts the cards in view (plus a few), so 1,000 stay smooth. */
export const VIRTUAL_AFTER = 40
/**
 * A one-line, title-only card and the gap under it (9 + 19 + 9 + 8 px, see BoardCard.css); when the estimate
 * is exact, mounting such a card changes no positions and needs no second render. Others are measured.
 */
const ESTIMATED_ROW = 45
/** Cards mounted beyond each edge of the view: enough for a keyboard drag to find its neighbours. */
const OVERSCAN = 5

export type ColumnPatch = { done?: boolean; wipLimit?: number | null }

/**
 * Every callback takes the column's id and must keep its identity across renders (BoardView makes them
 * with useCallback): the column is memoised, so a drag step or a card opening re-renders only what changed.
 */
interface Props {
  column: Column
  ids: string[]
  cards: Map<string, NoteSummary>
  /** Cards in the column, counting ones the filter hides (the WIP limit counts every card). */
  total: number
  now: Date
  openId: string | null
  /** The card being dragged, anywhere on the board (kept mounted while scrolled out of view). */
  activeId: string | null
  text: CardText
  onOpen: (id: string) => void
  onAdd: (columnId: string, title: string, at: 'top' | 'bottom') => Promise<void>
  onRename: (columnId: string, name: string) => Promise<void>
  onUpdate: (columnId: string, patch: ColumnPatch) => Promise<void>
  onDelete: (columnId: string) => void
}

export const columnKey = (id: string) => `column:${id}`

export const BoardColumn = memo(function BoardColumn(props: Props) {
  const {
    column,
    ids,
    cards,
    total,
    now,
    openId,
    activeId,
    text,
    onOpen,
    onAdd,
    onRename,
    onUpdate,
    onDelete,
  } = props
  const { t } = useTranslation()
  const [adding, setAdding] = useState<'top' | 'bottom' | null>(null)
  const data = useMemo(() => ({ type: 'column', columnId: column.id }), [column.id])
  const sortable = useSortable({ id: columnKey(column.id), data })
  const id = column.id
  const rename = useCallback((name: string) => onRename(id, name), [onRename, id])
  const update = useCallback((patch: ColumnPatch) => onUpdate(id, patch), [onUpdate, id])
  const remove = useCallback(() => onDelete(id), [onDelete, id])
  const addTop = useCallback(() => setAdding('top'), [])
  const hidden = total - ids.length
  const labels = useMemo(
    () => ({
      list: t('boards.column.cards', { name: column.name }),
      hidden: t('boards.card.hiddenByFilter', { count: hidden }),
      empty: t('boards.card.empty'),
    }),
    [t, column.name, hidden],
  )
  const add = (at: 'top' | 'bottom') => (
    <AddCardForm
      columnName={column.name}
      onAdd={(title) => onAdd(id, title, at)}
      onClose={() => setAdding(null)}
    />
  )

  return (
    <section
      ref={sortable.setNodeRef}
      className={`board-column${sortable.isDragging ? ' is-dragging' : ''}${column.done ? ' is-done-column' : ''}`}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      aria-labelledby={`column-name-${column.id}`}
    >
      <ColumnHeader
        column={column}
        count={total}
        handleAttributes={sortable.attributes}
        handleListeners={sortable.listeners}
        setHandle={sortable.setActivatorNodeRef}
        onRename={rename}
        onUpdate={update}
        onDelete={remove}
        onAddTop={addTop}
      />
      {adding === 'top' && add('top')}
      <ColumnCards
        column={column}
        ids={ids}
        cards={cards}
        now={now}
        openId={openId}
        activeId={activeId}
        text={text}
        onOpen={onOpen}
        empty={ids.length === 0 && adding === null}
        hidden={hidden}
        labels={labels}
      />
      {adding === 'bottom' ? (
        add('bottom')
      ) : (
        <button
          type="button"
          className="add-card-button"
          onClick={() => setAdding('bottom')}
          aria-label={`${t('boards.card.addBottom')} – ${column.name}`}
        >
          <span aria-hidden="true">+</span> {t('boards.card.addBottom')}
        </button>
      )}
    </section>
  )
})

interface CardsProps {
  column: Column
  ids: string[]
  cards: Map<string, NoteSummary>
  now: Date
  openId: string | null
  activeId: string | null
  text: CardText
  onOpen: (id: string) => void
  empty: boolean
  hidden: number
  labels: { list: string; hidden: string; empty: string }
}

/**
 * The column's list of cards, virtualised above VIRTUAL_AFTER. Memoised apart from the column, whose
 * own sortable re-renders it on every drag step; this list re-renders only when it scrolls or its cards change.
 */
const ColumnCards = memo(function ColumnCards(props: CardsProps) {
  const { column, ids, cards, now, openId, activeId, text, onOpen } = props
  const scroller = useRef<HTMLDivElement>(null)
  const activeIndex = activeId === null ? -1 : ids.indexOf(activeId)
  const virtual = ids.length > VIRTUAL_AFTER
  // The card being dragged stays mounted even when scrolled out of view, or dnd-kit would lose it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const list = defaultRangeExtractor(range)
      return activeIndex >= 0 && !list.includes(activeIndex)
        ? [...list, activeIndex].sort((a, b) => a - b)
        : list
    },
    [activeIndex],
  )
  const virtualizer = useVirtualizer({
    count: virtual ? ids.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: OVERSCAN,
    getItemKey: (i) => ids[i] ?? i,
    rangeExtractor,
  })
  const row = (id: string) => {
    const card = cards.get(id)
    return card ? (
      <BoardCard
        card={card}
        columnId={column.id}
        now={now}
        open={openId === id}
        text={text}
        onOpen={onOpen}
      />
    ) : null
  }

  return (
    <div ref={scroller} className="column-cards" role="list" aria-label={props.labels.list}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        {virtual ? (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const id = ids[item.index]!
              if (!cards.has(id)) return null
              return (
                <div
                  key={id}
                  role="listitem"
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="virtual-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {row(id)}
                </div>
              )
            })}
          </div>
        ) : (
          ids.map((id) =>
            cards.has(id) ? (
              <div key={id} role="listitem" className="card-row">
                {row(id)}
              </div>
            ) : null,
          )
        )}
      </SortableContext>
      {props.empty && <p className="column-empty">{props.labels.empty}</p>}
      {props.hidden > 0 && <p className="column-hidden">{props.labels.hidden}</p>}
    </div>
  )
})
