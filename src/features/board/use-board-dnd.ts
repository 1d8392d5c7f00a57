import {
  closestCenter,
  closestCorners,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core'
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import { boardKeyboardCoordinates } from './board-keys'
import { columnOf, moveCard, type Columns } from './board-state'
import type { BoardModel } from './use-board'

const COLUMN = 'column:'
const isColumnKey = (id: UniqueIdentifier) => String(id).startsWith(COLUMN)
const columnIdOf = (id: UniqueIdentifier) => String(id).slice(COLUMN.length)
const columnKeyOf = (id: string) => `${COLUMN}${id}`

/** Columns only collide with columns; cards with cards and with columns (an empty column's body). */
const collision: CollisionDetection = (args) => {
  const dragsColumn = isColumnKey(args.active.id)
  const droppableContainers = args.droppableContainers.filter((c) => !dragsColumn || isColumnKey(c.id))
  return dragsColumn
    ? closestCenter({ ...args, droppableContainers })
    : closestCorners({ ...args, droppableContainers })
}

interface Drag {
  kind: 'card' | 'column'
  id: string
  /** The visible card order while a card is dragged; shown instead of the saved order until the drop. */
  order: Columns
  from: string | null
}

/**
 * Drag and drop for one board, with mouse and keyboard (Space/Enter picks up, arrows move, Space/Enter
 * drops, Escape cancels) and spoken announcements. The drop is applied to local state in the same
 * render that ends the drag, so the card never flashes back to where it came from.
 */
export function useBoardDnd(
  model: BoardModel,
  visible: Columns,
  columns: Column[],
  titleOf: (id: string) => string,
) {
  const { t } = useTranslation()
  const [drag, setDragState] = useState<Drag | null>(null)
  /** The live drag for handlers and announcements that run between renders. */
  const current = useRef<Drag | null>(null)
  const setDrag = (next: Drag | null) => {
    current.current = next
    setDragState(next)
  }
  const justMoved = useRef(false)
  /** Whether the dragged item has been over anything but itself since pick-up (see the announcements). */
  const leftStart = useRef(false)
  /** Where the last card drop landed, for the announcement (which may run after state has moved on). */
  const lastDrop = useRef<{ column: string; position: number; count: number } | null>(null)
  /** The live card order and column order, for the arrow keys (read while a drag runs). */
  const layout = useRef({ order: visible, columnIds: [] as string[] })
  useLayoutEffect(() => {
    layout.current = { order: current.current?.order ?? visible, columnIds: columns.map((c) => c.id) }
  })
  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, args) =>
      boardKeyboardCoordinates(
        event,
        args,
        { order: current.current?.order ?? layout.current.order, columnIds: layout.current.columnIds },
        isColumnKey,
        columnKeyOf,
      ),
    [],
  )
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter }),
  )
  const view = drag?.kind === 'card' ? drag.order : visible
  const nameOf = (columnId: string | null) => columns.find((c) => c.id === columnId)?.name ?? ''

  const onDragStart = ({ active }: DragStartEvent) => {
    model.setDragging(true)
    const id = String(active.id)
    if (isColumnKey(id)) setDrag({ kind: 'column', id: columnIdOf(id), order: visible, from: null })
    else setDrag({ kind: 'card', id, order: visible, from: columnOf(visible, id) })
  }

  const onDragOver = ({ active, over }: DragOverEvent) => {
    const d = current.current
    if (!d || d.kind !== 'card' || !over || justMoved.current) return
    const to = isColumnKey(over.id) ? columnIdOf(over.id) : columnOf(d.order, String(over.id))
    const at = columnOf(d.order, String(active.id))
    if (!to || !at || to === at) return
    const index = isColumnKey(over.id) ? d.order[to]!.length : d.order[to]!.indexOf(String(over.id))
    // Moving into another column re-measures everything; ignore the over events that measuring causes.
    justMoved.current = true
    requestAnimationFrame(() => (justMoved.current = false))
    setDrag({ ...d, order: moveCard(d.order, d.id, to, index) })
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const d = current.current
    model.setDragging(false)
    setDrag(null)
    lastDrop.current = null
    if (!d || !over) return
    if (d.kind === 'column') {
      const toIndex = columns.findIndex((c) => c.id === columnIdOf(over.id))
      const fromIndex = columns.findIndex((c) => c.id === d.id)
      if (toIndex >= 0 && toIndex !== fromIndex) void model.moveColumn(d.id, toIndex)
      return
    }
    let order = d.order
    const col = columnOf(order, d.id)
    if (!col) return
    if (!isColumnKey(over.id) && over.id !== active.id && order[col]!.includes(String(over.id))) {
      order = moveCard(order, d.id, col, order[col]!.indexOf(String(over.id)))
    }
    const list = order[col]!
    const i = list.indexOf(d.id)
    const afterId = list[i - 1] ?? null
    const beforeId = list[i + 1] ?? null
    lastDrop.current = { column: nameOf(col), position: i + 1, count: list.length }
    const before = visible[d.from ?? ''] ?? []
    const j = before.indexOf(d.id)
    if (col === d.from && (before[j - 1] ?? null) === afterId && (before[j + 1] ?? null) === beforeId) return
    void model.moveCard(d.id, col, afterId, beforeId)
  }

  const onDragCancel = () => {
    model.setDragging(false)
    setDrag(null)
  }

  const announcements = useMemo<Announcements>(() => {
    const where = (id: UniqueIdentifier, order: Columns) => {
      const col = columnOf(order, String(id))
      const list = col ? order[col]! : []
      return {
        title: titleOf(String(id)),
        column: nameOf(col),
        position: list.indexOf(String(id)) + 1,
        count: list.length,
      }
    }
    const columnAt = (id: UniqueIdentifier) => {
      const position = columns.findIndex((c) => c.id === columnIdOf(id)) + 1
      return { name: nameOf(columnIdOf(id)), position, count: columns.length }
    }
    const order = () => current.current?.order ?? visible
    return {
      onDragStart: ({ active }) => {
        leftStart.current = false
        return isColumnKey(active.id)
          ? t('boards.dnd.pickedColumn', columnAt(active.id))
          : t('boards.dnd.pickedCard', where(active.id, order()))
      },
      onDragOver: ({ active, over }) => {
        if (!over) return undefined
        // Right after pick-up the item is "over" itself; saying so would cut off "Picked up …" in the
        // assertive live region before a screen reader has read it. Once it has moved, every place counts.
        if (over.id === active.id && !leftStart.current) return undefined
        leftStart.current = true
        if (isColumnKey(active.id))
          return t('boards.dnd.overColumn', { ...columnAt(over.id), name: nameOf(columnIdOf(active.id)) })
        const o = order()
        const overInfo = isColumnKey(over.id) ? null : where(over.id, o)
        const info = where(active.id, o)
        return t('boards.dnd.overCard', overInfo ? { ...overInfo, title: info.title } : info)
      },
      onDragEnd: ({ active, over }) => {
        if (isColumnKey(active.id))
          return t('boards.dnd.droppedColumn', {
            ...columnAt(over?.id ?? active.id),
            name: nameOf(columnIdOf(active.id)),
          })
        const drop = lastDrop.current ?? where(active.id, visible)
        return t('boards.dnd.droppedCard', { ...drop, title: titleOf(String(active.id)) })
      },
      onDragCancel: ({ active }) =>
        isColumnKey(active.id)
          ? t('boards.dnd.cancelledColumn', columnAt(active.id))
          : t('boards.dnd.cancelledCard', where(active.id, visible)),
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads the live drag through a ref
  }, [t, columns, visible, titleOf])

  return {
    view,
    drag,
    context: {
      sensors,
      collisionDetection: collision,
      onDragStart,
      onDragOver,
      onDragEnd,
      onDragCancel,
      accessibility: { announcements, screenReaderInstructions: { draggable: t('boards.dnd.instructions') } },
    },
  }
}
