import { DndContext, DragOverlay } from '@dnd-kit/core'
import { horizontalListSortingStrategy, SortableContext } from '@dnd-kit/sortable'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import { useApi } from '../../app/api-context'
import { useNow } from '../../lib/use-now'
import { InlineRename } from '../../ui/InlineRename'
import { CardFace, cardTitle, useCardText } from './BoardCard'
import { BoardColumn, columnKey, type ColumnPatch } from './BoardColumn'
import { BoardToolbar } from './BoardToolbar'
import { DeleteColumnDialog } from './DeleteColumnDialog'
import { NO_FILTER, visibleColumns, type CardFilter } from './board-state'
import { useBoard } from './use-board'
import { useBoardDnd } from './use-board-dnd'
import './BoardView.css'

const NONE: string[] = []
const NO_COLUMNS: Column[] = []

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
  const [deletingId, setDeletingId] = useState<string | null>(null)
  const text = useCardText(board?.labelColors)
  const { load } = model

  // Shell passes a new closure on each render; cards are memoised, so they get one that never changes.
  const openRef = useRef(onOpen)
  useLayoutEffect(() => {
    openRef.current = onOpen
  }, [onOpen])
  const openCard = useCallback((id: string) => openRef.current(id), [])

  const visible = useMemo(() => visibleColumns(order, cards, filter, now), [order, cards, filter, now])
  const totals = useMemo(() => {
    const out: Record<string, number> = {}
    for (const [col, ids] of Object.entries(order)) {
      out[col] = ids.filter((id) => {
        const c = cards.get(id)
        return c && (filter.showArchived || !c.archivedAt)
      }).length
    }
    return out
  }, [order, cards, filter.showArchived])
  const tags = useMemo(() => {
    const seen = new Map<string, string>()
    for (const c of cards.values()) for (const tag of c.tags) seen.set(tag.toLocaleLowerCase(), tag)
    return [...seen.values()].sort((a, b) => a.localeCompare(b))
  }, [cards])
  const titleOf = useCallback(
    (id: string) => {
      const card = cards.get(id)
      return card ? cardTitle(card, text) : text.untitled
    },
    [cards, text],
  )
  const columns = board?.columns ?? NO_COLUMNS
  const columnKeys = useMemo(() => columns.map((c) => columnKey(c.id)), [columns])
  const dnd = useBoardDnd(model, visible, columns, titleOf)

  // One identity for the board's life: every column is memoised and gets the same callbacks.
  const addCard = useCallback(
    async (columnId: string, title: string, at: 'top' | 'bottom') => {
      await save(() => api.cards.add({ boardId, columnId, title, at }), { rethrow: true })
    },
    [api, boardId, save],
  )
  const renameColumn = useCallback(
    async (columnId: string, name: string) => {
      await api.boards.updateColumn({ id: boardId, columnId, name })
      await load()
    },
    [api, boardId, load],
  )
  const updateColumn = useCallback(
    async (columnId: string, patch: ColumnPatch) => {
      await save(() => api.boards.updateColumn({ id: boardId, columnId, ...patch }))
    },
    [api, boardId, save],
  )

  if (model.missing) return <div className="board-pane empty-state">{t('boards.missing')}</div>
  if (!board) return <div className="board-pane empty-state">{t('boards.loading')}</div>

  const deleting = board.columns.find((c) => c.id === deletingId) ?? null
  const activeId = dnd.drag?.kind === 'card' ? dnd.drag.id : null
  const activeCard = activeId === null ? undefined : cards.get(activeId)
  const activeColumn =
    dnd.drag?.kind === 'column' ? board.columns.find((c) => c.id === dnd.drag!.id) : undefined

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
          onDefaultStandard={(standard) =>
            void save(() => api.boards.setDefaultStandard({ id: board.id, standard }), { boardsToo: true })
          }
        />
      </header>
      {model.error && (
        <div className="banner" role="alert">
          {t('boards.failed', { message: model.error })}
        </div>
      )}
      <DndContext {...dnd.context}>
        <div className="board-columns">
          <SortableContext items={columnKeys} strategy={horizontalListSortingStrategy}>
            {board.columns.map((column) => (
              <BoardColumn
                key={column.id}
                column={column}
                ids={dnd.view[column.id] ?? NONE}
                cards={cards}
                total={totals[column.id] ?? 0}
                now={now}
                openId={openId}
                activeId={activeId}
                text={text}
                onOpen={openCard}
                onAdd={addCard}
                onRename={renameColumn}
                onUpdate={updateColumn}
                onDelete={setDeletingId}
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
                  await save(() => api.boards.addColumn({ id: board.id, name }), { boardsToo: true })
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
              <CardFace card={activeCard} now={now} text={text} />
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
          if (deleting)
            void save(() => api.boards.deleteColumn({ id: board.id, columnId: deleting.id, moveTo }), {
              boardsToo: true,
            })
        }}
        onClose={() => setDeletingId(null)}
      />
    </div>
  )
}
