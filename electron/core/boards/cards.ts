import type { Board, CardTarget, Column } from '../../shared/board'
import type { BoardPlacement, Note, NoteSummary } from '../../shared/model'
import { compareRank, rankBetween } from '../../shared/rank'
import { TicklerError } from '../../shared/rpc'
import { markDone, reopen, type EngineContext } from '../followups/engine'
import type { Library } from '../types'
import { findColumn } from './columns'

/**
 * Card placement over notes. The rule that keeps a board honest ("done means done"): on a board that
 * has a done column, the column says whether the note is done. Entering a done column marks the note
 * done through the follow-up engine (doneAt set, pending follow-up ended, history written); leaving it
 * reopens the note. Both happen in the same single write as the move. A board with no done column
 * never changes a note's done state.
 */

/** The board's live cards (not trashed), in display order within each column. */
export function cardsOf(lib: Library, boardId: string): NoteSummary[] {
  return lib
    .listNotes()
    .filter((s) => s.board?.boardId === boardId && !s.trashedAt)
    .sort((a, b) => compareRank(a.board!.rank, b.board!.rank) || (a.id < b.id ? -1 : 1))
}

const columnCards = (lib: Library, boardId: string, columnId: string, except?: string) =>
  cardsOf(lib, boardId).filter((s) => s.board!.columnId === columnId && s.id !== except)

/**
 * The rank for a drop. The server's own neighbours are used rather than the renderer's pair, so a
 * stale drop can land next to the wrong card at worst, never at a rank that sorts out of place.
 */
export function rankFor(lib: Library, target: CardTarget, movingId: string): string {
  const cards = columnCards(lib, target.boardId, target.columnId, movingId)
  const rankAt = (i: number) => cards[i]?.board!.rank ?? null
  if (target.afterId !== null) {
    const i = cards.findIndex((c) => c.id === target.afterId)
    if (i < 0) throw new TicklerError('CONFLICT', 'The card it was dropped next to has moved; try again.')
    return rankBetween(rankAt(i), rankAt(i + 1))
  }
  if (target.beforeId !== null) {
    const i = cards.findIndex((c) => c.id === target.beforeId)
    if (i < 0) throw new TicklerError('CONFLICT', 'The card it was dropped next to has moved; try again.')
    return rankBetween(rankAt(i - 1), rankAt(i))
  }
  return rankBetween(rankAt(cards.length - 1), null)
}

export const topRank = (lib: Library, boardId: string, columnId: string) =>
  rankBetween(null, columnCards(lib, boardId, columnId)[0]?.board!.rank ?? null)
export const bottomRank = (lib: Library, boardId: string, columnId: string) =>
  rankBetween(columnCards(lib, boardId, columnId).at(-1)?.board!.rank ?? null, null)

/** The note's next state at a placement, done state following the column (the rule above). */
export function placed(note: Note, placement: BoardPlacement, board: Board, ctx: EngineContext): Note {
  const column = findColumn(board, placement.columnId)
  let next: Note = { ...note, board: placement }
  if (board.columns.some((c) => c.done)) {
    if (column.done && !note.doneAt) next = markDone(next, ctx)
    else if (!column.done && note.doneAt) next = reopen(next, ctx)
  }
  return next
}

export interface CardDeps {
  lib: Library
  board: (id: string) => Board
  ctx: () => EngineContext
}

export function moveCard(deps: CardDeps, id: string, target: CardTarget): Promise<Note> {
  const board = deps.board(target.boardId)
  findColumn(board, target.columnId)
  return deps.lib.mutateNote(id, (note) => {
    if (note.trashedAt) throw new TicklerError('BAD_INPUT', 'This note is in the Trash; restore it first.')
    // Ranked inside the write queue, so two quick drops see each other's result, never a stale column.
    const rank = rankFor(deps.lib, target, id)
    return placed(note, { boardId: board.id, columnId: target.columnId, rank }, board, deps.ctx())
  })
}

export async function addCard(
  deps: CardDeps,
  input: { boardId: string; columnId: string; title: string; at: 'top' | 'bottom' },
): Promise<Note> {
  const board = deps.board(input.boardId)
  findColumn(board, input.columnId)
  const note = await deps.lib.createNote({ title: input.title.trim() })
  return deps.lib.mutateNote(note.id, (n) => {
    const rank = (input.at === 'top' ? topRank : bottomRank)(deps.lib, board.id, input.columnId)
    return placed(n, { boardId: board.id, columnId: input.columnId, rank }, board, deps.ctx())
  })
}

export const takeOff = (lib: Library, id: string): Promise<Note> =>
  lib.mutateNote(id, (note) => (note.board ? { ...note, board: null } : note))

export function archiveCard(lib: Library, id: string, archived: boolean): Promise<Note> {
  const at = lib.now().toISOString()
  return lib.mutateNote(id, (note) =>
    archived === (note.archivedAt !== null) ? note : { ...note, archivedAt: archived ? at : null },
  )
}

/** Moves each card of a column to the bottom of another (or off the board), keeping their order. */
export async function moveAll(deps: CardDeps, board: Board, from: string, to: Column | null): Promise<number> {
  const cards = columnCards(deps.lib, board.id, from)
  for (const card of cards) {
    if (to === null) await takeOff(deps.lib, card.id)
    else {
      await deps.lib.mutateNote(card.id, (n) =>
        placed(n, { boardId: board.id, columnId: to.id, rank: bottomRank(deps.lib, board.id, to.id) }, board, deps.ctx()),
      )
    }
  }
  return cards.length
}

/**
 * Done or reopened elsewhere (follow-ups view, CLI, note view): a board with a done column moves the
 * card to the top of its first done column, or back to the top of its first open column, so the
 * column never contradicts the note. Returns the placement to write, or null when the card is fine.
 */
export function placementForState(lib: Library, s: NoteSummary, board: Board): BoardPlacement | null {
  const column = board.columns.find((c) => c.id === s.board?.columnId)
  if (!column || !board.columns.some((c) => c.done)) return null
  if (column.done === (s.doneAt !== null)) return null
  const dest = board.columns.find((c) => c.done === (s.doneAt !== null))!
  return { boardId: board.id, columnId: dest.id, rank: topRank(lib, board.id, dest.id) }
}
