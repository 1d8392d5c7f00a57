import type { boardsContract } from '../../shared/contract-boards'
import type { Handlers } from '../../shared/rpc'
import type { EngineContext } from '../followups/engine'
import type { FollowUpService } from '../followups/service'
import type { Library } from '../types'
import { addColumn, checkColumnDelete, findColumn, moveColumn, removeColumn, updateColumn } from './columns'
import { addCard, archiveCard, bottomRank, cardsOf, moveAll, moveCard, placed, takeOff, type CardDeps } from './cards'
import { newId } from '../note-files'
import { openBoardStore, type BoardStore } from './store'
import { keepColumnsHonest } from './sync'

type BoardHandlers = Pick<Handlers, keyof typeof boardsContract>

/**
 * The boards.* and cards.* methods. boards.json is opened on first use, so hosts that never show a
 * board (the CLI) pay nothing, and createHandlers keeps its signature.
 */
export function createBoardHandlers(
  lib: Library,
  followUps: FollowUpService,
  /** The host's one board store (sync writes through it too); opened here when not given. */
  shared?: () => Promise<BoardStore>,
): BoardHandlers {
  let opened: Promise<BoardStore> | null = null
  const store = shared ?? (() => (opened ??= openBoardStore(lib.dataDir)))
  const ctx = (): EngineContext => ({
    now: lib.now(),
    timeZone: followUps.actions.timeZone(),
    standards: followUps.settings.standards(),
  })
  const deps = async (): Promise<CardDeps> => {
    const s = await store()
    return { lib, board: (id) => s.get(id), ctx }
  }
  keepColumnsHonest(lib, store)

  return {
    'boards.list': async () => (await store()).list(),
    'boards.create': async ({ name, columns, labelColors }) => (await store()).create(name, columns, lib.now(), labelColors),
    'boards.rename': async ({ id, name }) => (await store()).update(id, (b) => ({ ...b, name: name.trim() })),
    'boards.archive': async ({ id, archived }) =>
      (await store()).update(id, (b) => ({ ...b, archivedAt: archived ? (b.archivedAt ?? lib.now().toISOString()) : null })),
    'boards.delete': async ({ id }) => {
      const s = await store()
      s.get(id)
      // Notes first: a crash half-way leaves a board with fewer cards, never notes pointing at no board.
      const placed = lib.listNotes().filter((n) => n.board?.boardId === id) // trashed ones too
      for (const card of placed) await takeOff(lib, card.id)
      await s.remove(id)
      return { count: placed.length }
    },
    'boards.addColumn': async ({ id, name, done }) =>
      (await store()).update(id, (b) => addColumn(b, { id: newId(), name: name.trim(), done: done ?? false, wipLimit: null })),
    'boards.updateColumn': async ({ id, columnId, ...patch }) => {
      const d = await deps()
      const board = await (await store()).update(id, (b) => updateColumn(b, columnId, patch))
      // Turning "done" on or off applies the rule to the cards already there.
      if (patch.done !== undefined) {
        for (const card of cardsOf(lib, id).filter((c) => c.board!.columnId === columnId)) {
          await lib.mutateNote(card.id, (n) => (n.board ? placed(n, n.board, board, d.ctx()) : n))
        }
      }
      return board
    },
    'boards.moveColumn': async ({ id, columnId, toIndex }) => (await store()).update(id, (b) => moveColumn(b, columnId, toIndex)),
    'boards.deleteColumn': async ({ id, columnId, moveTo }) => {
      const s = await store()
      const board = s.get(id)
      const target = checkColumnDelete(board, columnId, moveTo)
      const moved = await moveAll(await deps(), board, columnId, target)
      return { board: await s.update(id, (b) => removeColumn(b, columnId)), moved }
    },
    'boards.setDefaultStandard': async ({ id, standard }) => {
      const board = await (await store()).update(id, (b) => ({ ...b, defaultStandard: standard }))
      // Mirrored into settings' per-board defaults, which the follow-up engine reads.
      await followUps.settings.setDefaultStandard('boards', id, standard)
      return board
    },
    'boards.cards': async ({ id }) => {
      ;(await store()).get(id)
      return cardsOf(lib, id)
    },
    'cards.add': async (input) => addCard(await deps(), input),
    'cards.move': async ({ id, ...target }) => moveCard(await deps(), id, target),
    'cards.place': async ({ id, boardId, columnId }) => {
      const d = await deps()
      const board = d.board(boardId)
      findColumn(board, columnId)
      return lib.mutateNote(id, (n) => {
        // Already in this column: keep its place instead of sending it to the bottom.
        if (n.board?.boardId === boardId && n.board.columnId === columnId) return n
        return placed(n, { boardId, columnId, rank: bottomRank(lib, boardId, columnId) }, board, ctx())
      })
    },
    'cards.remove': ({ id }) => takeOff(lib, id),
    'cards.archive': ({ id, archived }) => archiveCard(lib, id, archived),
  }
}
