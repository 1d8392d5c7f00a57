import { useDndContext } from '@dnd-kit/core'
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import type { NoteSummary } from '../../../electron/shared/model'
import { AddCardForm } from './AddCardForm'
import { BoardCard } from './BoardCard'
import { ColumnHeader } from './ColumnHeader'

/** Above this many cards a column only mounts the cards in view (plus a few), so 1,000 stay smooth. */
export const VIRTUAL_AFTER = 40

interface Props {
  column: Column
  ids: string[]
  cards: Map<string, NoteSummary>
  /** Cards in the column, counting ones the filter hides (the WIP limit counts every card). */
  total: number
  now: Date
  openId: string | null
  onOpen: (id: string) => void
  onAdd: (title: string, at: 'top' | 'bottom') => Promise<void>
  onRename: (name: string) => Promise<void>
  onUpdate: (patch: { done?: boolean; wipLimit?: number | null }) => Promise<void>
  onDelete: () => void
}

export const columnKey = (id: string) => `column:${id}`

export function BoardColumn(props: Props) {
  const { column, ids, cards, total, now, openId, onOpen, onAdd } = props
  const { t } = useTranslation()
  const [adding, setAdding] = useState<'top' | 'bottom' | null>(null)
  const sortable = useSortable({ id: columnKey(column.id), data: { type: 'column', columnId: column.id } })
  const scroller = useRef<HTMLDivElement>(null)
  const { active } = useDndContext()
  const activeIndex = active ? ids.indexOf(String(active.id)) : -1
  const virtual = ids.length > VIRTUAL_AFTER
  // eslint-disable-next-line react-hooks/incompatible-library -- read fresh every render, never memoised
  const virtualizer = useVirtualizer({
    count: virtual ? ids.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 56, // a title-only card; taller ones are measured as they mount
    overscan: 8,
    getItemKey: (i) => ids[i] ?? i,
    // The card being dragged stays mounted even when scrolled out of view, or dnd-kit would lose it.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const list = defaultRangeExtractor(range)
        return activeIndex >= 0 && !list.includes(activeIndex) ? [...list, activeIndex].sort((a, b) => a - b) : list
      },
      [activeIndex],
    ),
  })
  const add = (at: 'top' | 'bottom') => (
    <AddCardForm columnName={column.name} onAdd={(title) => onAdd(title, at)} onClose={() => setAdding(null)} />
  )
  const hidden = total - ids.length

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
        onRename={props.onRename}
        onUpdate={props.onUpdate}
        onDelete={props.onDelete}
        onAddTop={() => setAdding('top')}
      />
      {adding === 'top' && add('top')}
      <div ref={scroller} className="column-cards" role="list" aria-label={t('boards.column.cards', { name: column.name })}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          {virtual ? (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const card = cards.get(ids[item.index]!)
                if (!card) return null
                return (
                  <div
                    key={card.id}
                    role="listitem"
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    className="virtual-row"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <BoardCard card={card} columnId={column.id} now={now} open={openId === card.id} onOpen={onOpen} />
                  </div>
                )
              })}
            </div>
          ) : (
            ids.map((id) => {
              const card = cards.get(id)
              return card ? (
                <div key={id} role="listitem" className="card-row">
                  <BoardCard card={card} columnId={column.id} now={now} open={openId === id} onOpen={onOpen} />
                </div>
              ) : null
            })
          )}
        </SortableContext>
        {ids.length === 0 && adding === null && <p className="column-empty">{t('boards.card.empty')}</p>}
        {hidden > 0 && <p className="column-hidden">{t('boards.card.hiddenByFilter', { count: hidden })}</p>}
      </div>
      {adding === 'bottom' ? (
        add('bottom')
      ) : (
        <button type="button" className="add-card-button" onClick={() => setAdding('bottom')} aria-label={`${t('boards.card.addBottom')} – ${column.name}`}>
          <span aria-hidden="true">+</span> {t('boards.card.addBottom')}
        </button>
      )}
    </section>
  )
}
