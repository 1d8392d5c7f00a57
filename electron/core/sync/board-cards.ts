import type { Board } from '../../shared/board'
import { bottomRank, takeOff } from '../boards/cards'
import type { BoardStore } from '../boards/store'
import type { Settings } from '../settings'
import type { Library } from '../types'
import type { BoardsView } from './boards-doc'
import { deepEqual } from './deep-equal'

/** Makes boards.json what the boards doc says, ids kept. Returns true when it wrote anything. */
export async function applyBoards(
  _lib: Library,
  store: BoardStore,
  settings: Settings,
  view: BoardsView,
): Promise<boolean> {
  const have = new Map(store.list().map((b) => [b.id, b]))
  let wrote = false
  for (const board of view.boards) {
    const local = have.get(board.id)
    if (!local) await store.insert(board)
    else if (!deepEqual(local, board)) await store.update(board.id, () => board)
    wrote ||= !local || !deepEqual(local, board)
    // The follow-up engine reads a board's default standard from settings: mirrored as the handler does.
    const mirrored = settings.defaults().boards[board.id] ?? null
    const wanted = settings.standards().some((s) => s.id === board.defaultStandard)
      ? board.defaultStandard
      : null
    if (mirrored !== wanted) await settings.setDefaultStandard('boards', board.id, wanted)
  }
  // Their cards are rehomed after the notes are written (a card may arrive with this change).
  for (const id of view.deletedBoards) {
    if (!have.has(id)) continue
    await store.remove(id)
    wrote = true
  }
  return wrote
}

/**
 * A card on a deleted board is taken off (the note stays in its notebook, as a local delete does). A
 * card in a deleted column stays on its board, at the bottom of the first column that agrees with its
 * done state (the first column on a board without a done column): a Trello user who dragged a card into
 * a list expects to find it on that board, and the first list is where the board's new work lands, so
 * that is where they look — never gone, and never silently marked done or reopened by the rescue.
 * A board left with no column at all takes its cards off. Only deletes the doc records are acted on: a card whose column simply has not arrived yet is left.
 */
export async function rehomeCards(lib: Library, boards: Board[], view: BoardsView): Promise<number> {
  const byId = new Map(boards.map((b) => [b.id, b]))
  let moved = 0
  for (const s of lib.listNotes()) {
    if (!s.board) continue
    const { boardId, columnId } = s.board
    if (view.deletedBoards.has(boardId)) {
      await takeOff(lib, s.id)
      moved++
      continue
    }
    const board = byId.get(boardId)
    if (!board || !view.deletedColumns.get(boardId)?.has(columnId)) continue
    const hasDone = board.columns.some((c) => c.done)
    const home = board.columns.find((c) => !hasDone || c.done === (s.doneAt !== null)) ?? board.columns[0]
    if (!home) {
      // Every column went (two devices each deleted a different one): off the board, still in its notebook.
      await takeOff(lib, s.id)
      moved++
      continue
    }
    await lib.mutateNote(s.id, (note) =>
      // Read again inside the write queue: the card may have moved since the list was taken.
      note.board?.boardId === boardId && note.board.columnId === columnId
        ? { ...note, board: { boardId, columnId: home.id, rank: bottomRank(lib, boardId, home.id) } }
        : note,
    )
    moved++
  }
  return moved
}
