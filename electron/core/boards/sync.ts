import type { Library } from '../types'
import { placementForState } from './cards'
import type { BoardStore } from './store'

/**
 * Watches saved notes: a card whose note was marked done (or reopened) somewhere other than the board
 * is moved to the column that matches (cards.ts, placementForState). The move itself is a save that
 * already agrees with its column, so this never feeds on its own writes.
 */
export function keepColumnsHonest(lib: Library, store: () => Promise<BoardStore>): () => void {
  let chain: Promise<unknown> = Promise.resolve()
  return lib.onChange(({ noteIds }) => {
    if (noteIds.length === 0) return
    const changed = new Set(noteIds)
    // One pass over the cached list; no map of the whole library per save.
    const onBoards = lib.listNotes().filter((s) => s.board && !s.trashedAt && changed.has(s.id))
    if (onBoards.length === 0) return
    chain = chain
      .then(async () => {
        const boards = await store()
        for (const s of onBoards) {
          const board = boards.list().find((b) => b.id === s.board!.boardId)
          if (!board) continue
          const placement = placementForState(lib, s, board)
          if (!placement) continue
          await lib.mutateNote(s.id, (note) => {
            // Read again inside the write queue: the note may have moved since the event.
            if (!note.board || note.board.boardId !== board.id || note.board.columnId !== s.board!.columnId) return note
            if ((note.doneAt !== null) !== (s.doneAt !== null)) return note
            return { ...note, board: placement }
          })
        }
      })
      .catch(() => undefined) // a closed or read-only library: the card simply stays where it was
  })
}
