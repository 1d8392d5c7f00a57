import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import type { KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core'
import { columnOf, type Columns } from './board-state'

export interface KeyTarget {
  /** A card to take the place of, or a column key (an empty column). */
  id: string
  /** Line the dragged card's bottom up with the target's (moving down its own column) or its top. */
  align: 'top' | 'bottom'
}

/**
 * Where an arrow key takes a card picked up with the keyboard: Left/Right to the neighbouring column at
 * the same position (or its last card's, or the empty column itself), Up/Down one place within its own
 * column. The nearest-droppable search dnd-kit does by default moves a card within its own column on
 * the first Right press, because the cards below it also lie "to the right" of the dragged box.
 */
export function keyTarget(
  order: Columns,
  columnIds: readonly string[],
  cardId: string,
  key: string,
  columnKey: (id: string) => string,
  overId: string | null = null,
): KeyTarget | null {
  const at = columnOf(order, cardId)
  if (!at) return null
  const list = order[at]!
  const own = list.indexOf(cardId)
  // Within a column the order changes only at the drop: until then the card shows at the place of the
  // card it is over, and the next press counts from there.
  const index = overId && list.includes(overId) ? list.indexOf(overId) : own
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const place = index + (key === 'ArrowDown' ? 1 : -1)
    const next = list[place]
    return next ? { id: next, align: place > own ? 'bottom' : 'top' } : null
  }
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return null
  const to = columnIds[columnIds.indexOf(at) + (key === 'ArrowRight' ? 1 : -1)]
  if (!to) return null
  const cards = order[to] ?? []
  const card = cards[Math.min(index, cards.length - 1)]
  return { id: card ?? columnKey(to), align: 'top' }
}

/**
 * The keyboard sensor's coordinates for one arrow press on a board: card moves follow keyTarget, column
 * moves keep dnd-kit's sortable behaviour. `layout` is the live order (it changes during the drag).
 */
export function boardKeyboardCoordinates(
  event: KeyboardEvent,
  args: Parameters<KeyboardCoordinateGetter>[1],
  layout: { order: Columns; columnIds: readonly string[] },
  isColumn: (id: UniqueIdentifier) => boolean,
  columnKey: (id: string) => string,
): ReturnType<KeyboardCoordinateGetter> {
  const { active, collisionRect, droppableContainers, over } = args.context
  const arrow = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.code)
  if (!arrow || !active || isColumn(active.id) || !collisionRect) return sortableKeyboardCoordinates(event, args)
  event.preventDefault()
  const overId = over ? String(over.id) : null
  const target = keyTarget(layout.order, layout.columnIds, String(active.id), event.code, columnKey, overId)
  const container = target ? droppableContainers.get(target.id) : undefined
  // dnd-kit measures the droppables just after the pick-up; a key pressed before that (a quick user, a
  // busy machine) measures the target itself instead of being lost.
  const rect = container?.rect.current ?? container?.node.current?.getBoundingClientRect()
  if (!target || !rect) return undefined
  return {
    x: rect.left,
    y: target.align === 'bottom' ? rect.top + rect.height - collisionRect.height : rect.top,
  }
}
