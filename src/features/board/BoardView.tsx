import { DndContext, DragOverlay } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import { useApi } from '../../app/api-context'
import { useNow } from '../../lib/use-now'
import { InlineRename } from '../organize/InlineRename'
import { CardFace } from './BoardCard'
import { BoardColumn, columnKey } from './BoardColumn'
import { BoardToolbar } from './BoardToolbar'
import { DeleteColumnDialog } from './DeleteColumnDialog'
import { matches, NO_FILTER, type CardFilter, type Columns } from './board-state'
import { useBoard } from './use-board'
import { useBoardDnd } from './use-board-dnd'
import './board.css'

interface Props {
  boardId: string
  openId: string | null
  onOpen: (id: string) => void
}

/** A board: columns of cards, each card a note. Opening a card shows the note editor beside the board. */
export function BoardView({ boardId, openId, onOpen }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const model = useBoard(boardId)
  const { board, cards, order, save } = model
  const now = useNow(60_000)
  const [filter, setFilter] = useState<CardFilter>(NO_FILTER)
  const [addingColumn, setAddingColumn] = useState(false)
  const [deleting, setDeleting] = useState<Column | null>(null)

  const visible = useMemo<Columns>(() => {
    const out: Columns = {}
    for (const [col, ids] of Object.entries(order)) out[col] = ids.filter((id) => cards.has(id) && matches(cards.get(id)!, filter, now))
    return out
  }, [order, cards, filter, now])
  const tags = useMemo(() => {
    const seen = new Map<string, string>()
    for (const c of cards.values()) for (const tag of c.tags) seen.set(tag.toLocaleLowerCase(), tag)
    return [...seen.values()].sort((a, b) => a.localeCompare(b))
  }, [cards])
  const titleOf = useCallback((id: string) => cards.get(id)?.title.trim() || t('boards.card.untitled'), [cards, t])
  const dnd = useBoardDnd(model, visible, board?.columns ?? [], titleOf)

  if (model.missing) return <div className="board-pane empty-state">{t('boards.missing')}</div>
  if (!board) return <div className="board-pane empty-state">{t('boards.loading')}</div>

  const total = (col: string) => (order[col] ?? []).filter((id) => {
    const c = cards.get(id)
    return c && (filter.showArchived || !c.archivedAt)
  }).length
  const activeCard = dnd.drag?.kind === 'card' ? cards.get(dnd.drag.id) : undefined
  const activeColumn = dnd.drag?.kind === 'column' ? board.columns.find((c) => c.id === dnd.drag!.id) : undefined

  return (
    <div className="board-pane">
      <header className="board-header">
        <h1 className="board-title">{board.name}</h1>
        <span className="board-count">{t('boards.cardCount', { count: cards.size })}</span>
        <BoardToolbar
          board={board}
          tags={tags}
          filter={filter}
          onFilter={setFilter}
          onDefaultStandard={(standard) => void save(() => api.boards.setDefaultStandard({ id: board.id, standard }), true)}
        />
      </header>
      {model.error && (
        <div className="banner" role="alert">
          {t('boards.failed', { message: model.error })}
        </div>
      )}
      <DndContext {...dnd.context}>
        <div className="board-columns">
          <SortableContext items={board.columns.map((c) => columnKey(c.id))} strategy={horizontalListSortingStrategy}>
            {board.columns.map((column) => (
              <BoardColumn
                key={column.id}
                column={column}
                ids={dnd.view[column.id] ?? []}
                cards={cards}
                total={total(column.id)}
                now={now}
                openId={openId}
                onOpen={onOpen}
                onAdd={async (title, at) => {
                  await save(() => api.cards.add({ boardId: board.id, columnId: column.id, title, at }))
                }}
                onRename={async (name) => {
                  await api.boards.updateColumn({ id: board.id, columnId: column.id, name })
                  await model.load()
                }}
                onUpdate={async (patch) => {
                  await save(() => api.boards.updateColumn({ id: board.id, columnId: column.id, ...patch }))
                }}
                onDelete={() => setDeleting(column)}
              />
            ))}
          </SortableContext>
          <div className="add-column">
            {addingColumn ? (
              <InlineRename
                label={t('boards.columnName')}
                initial=""
                maxLength={100}
                onSave={async (name) => {
                  await save(() => api.boards.addColumn({ id: board.id, name }), true)
                }}
                onClose={() => setAddingColumn(false)}
              />
            ) : (
              <button type="button" className="add-column-button" onClick={() => setAddingColumn(true)}>
                <span aria-hidden="true">+</span> {t('boards.addColumn')}
              </button>
            )}
          </div>
        </div>
        <DragOverlay dropAnimation={null}>
          {activeCard ? (
            <div className="board-card is-overlay">
              <CardFace card={activeCard} now={now} />
            </div>
          ) : activeColumn ? (
            <div className="board-column is-overlay">
              <div className="column-header">
                <h3 className="column-name">{activeColumn.name}</h3>
              </div>
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
      <DeleteColumnDialog
        column={deleting}
        others={board.columns.filter((c) => c.id !== deleting?.id)}
        count={deleting ? (order[deleting.id]?.length ?? 0) : 0}
        onConfirm={(moveTo) => {
          if (deleting) void save(() => api.boards.deleteColumn({ id: board.id, columnId: deleting.id, moveTo }), true)
        }}
        onClose={() => setDeleting(null)}
      />
    </div>
  )
}
