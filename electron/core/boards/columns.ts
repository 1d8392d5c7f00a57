import type { Board, Column } from '../../shared/board'
import { TicklerError } from '../../shared/rpc'

/** Pure changes to a board's columns; the store saves the result, cards.ts moves the cards. */

export function findColumn(board: Board, columnId: string): Column {
  const column = board.columns.find((c) => c.id === columnId)
  if (!column) throw new TicklerError('NOT_FOUND', `Board "${board.name}" has no column with id ${columnId}.`)
  return column
}

export function addColumn(board: Board, column: Column): Board {
  if (board.columns.length >= 50) throw new TicklerError('BAD_INPUT', 'A board has at most 50 columns.')
  return { ...board, columns: [...board.columns, column] }
}

export function updateColumn(board: Board, columnId: string, patch: Partial<Omit<Column, 'id'>>): Board {
  findColumn(board, columnId)
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  return { ...board, columns: board.columns.map((c) => (c.id === columnId ? { ...c, ...defined } : c)) }
}

export function moveColumn(board: Board, columnId: string, toIndex: number): Board {
  const column = findColumn(board, columnId)
  const rest = board.columns.filter((c) => c.id !== columnId)
  const at = Math.min(Math.max(0, toIndex), rest.length)
  return { ...board, columns: [...rest.slice(0, at), column, ...rest.slice(at)] }
}

/** Checks a column can go (and where its cards go) before any card is moved. */
export function checkColumnDelete(board: Board, columnId: string, moveTo: string | null): Column | null {
  findColumn(board, columnId)
  if (board.columns.length === 1) throw new TicklerError('BAD_INPUT', 'A board keeps at least one column.')
  if (moveTo === null) return null
  if (moveTo === columnId) throw new TicklerError('BAD_INPUT', 'Pick another column for its cards.')
  return findColumn(board, moveTo)
}

export const removeColumn = (board: Board, columnId: string): Board => ({
  ...board,
  columns: board.columns.filter((c) => c.id !== columnId),
})
