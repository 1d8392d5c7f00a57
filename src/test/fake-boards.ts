import type { TicklerApi } from '../../electron/shared/contract'
import type { Board } from '../../electron/shared/board'
import type { Note } from '../../electron/shared/model'

type Summary = Awaited<ReturnType<TicklerApi['notes']['list']>>[number]

/**
 * boards.* and cards.* for the in-memory fake. Order is kept as one list of note ids instead of rank
 * keys (the ranking lives in core and is tested there); the done-column rule is applied as core does.
 */
export function createFakeBoards(
  notes: Map<string, Note>,
  now: () => Date,
  summary: (note: Note) => Summary,
  createNote: (title: string) => Promise<Note>,
): Pick<TicklerApi, 'boards' | 'cards'> {
  const boards: Board[] = []
  const order: string[] = []
  let seq = 0
  const find = (id: string) => {
    const board = boards.find((b) => b.id === id)
    if (!board) throw new Error(`NOT_FOUND: no board ${id}`)
    return board
  }
  const note = (id: string) => {
    const n = notes.get(id)
    if (!n) throw new Error(`NOT_FOUND: no note ${id}`)
    return n
  }
  const update = (id: string, change: (b: Board) => Board) => {
    const i = boards.indexOf(find(id))
    const next = change(boards[i]!)
    boards[i] = next
    return structuredClone(next)
  }
  const cardsOf = (boardId: string) =>
    order.map((id) => notes.get(id)).filter((n): n is Note => !!n && n.board?.boardId === boardId && !n.trashedAt)
  const place = (id: string, boardId: string, columnId: string, afterId: string | null, beforeId: string | null) => {
    const board = find(boardId)
    const column = board.columns.find((c) => c.id === columnId)
    if (!column) throw new Error(`NOT_FOUND: no column ${columnId}`)
    const current = order.indexOf(id)
    if (current >= 0) order.splice(current, 1)
    const inColumn = cardsOf(boardId).filter((n) => n.board!.columnId === columnId)
    const anchor = afterId ?? beforeId
    const at = anchor ? order.indexOf(anchor) + (afterId ? 1 : 0) : inColumn.length ? order.indexOf(inColumn.at(-1)!.id) + 1 : order.length
    order.splice(at, 0, id)
    const n = note(id)
    const hasDone = board.columns.some((c) => c.done)
    const doneAt = hasDone ? (column.done ? (n.doneAt ?? now().toISOString()) : null) : n.doneAt
    const next: Note = {
      ...n,
      board: { boardId, columnId, rank: 'a0' },
      doneAt,
      followUp: column.done && hasDone ? null : n.followUp,
      revision: n.revision + 1,
    }
    notes.set(id, next)
    return structuredClone(next)
  }
  const change = (id: string, patch: Partial<Note>) => {
    const next = { ...note(id), ...patch, revision: note(id).revision + 1 }
    notes.set(id, next)
    return structuredClone(next)
  }
  return {
    boards: {
      list: async () => structuredClone(boards),
      create: async ({ name, columns }) => {
        const board: Board = {
          id: `b${++seq}`,
          name,
          createdAt: now().toISOString(),
          archivedAt: null,
          defaultStandard: null,
          columns: columns.map((c) => ({ id: `c${++seq}`, name: c.name, done: c.done, wipLimit: null })),
        }
        boards.push(board)
        return structuredClone(board)
      },
      rename: async ({ id, name }) => update(id, (b) => ({ ...b, name })),
      archive: async ({ id, archived }) => update(id, (b) => ({ ...b, archivedAt: archived ? now().toISOString() : null })),
      delete: async ({ id }) => {
        find(id)
        const placed = [...notes.values()].filter((n) => n.board?.boardId === id)
        for (const n of placed) change(n.id, { board: null })
        boards.splice(boards.indexOf(find(id)), 1)
        return { count: placed.length }
      },
      addColumn: async ({ id, name, done }) =>
        update(id, (b) => ({ ...b, columns: [...b.columns, { id: `c${++seq}`, name, done: done ?? false, wipLimit: null }] })),
      updateColumn: async ({ id, columnId, ...patch }) =>
        update(id, (b) => ({ ...b, columns: b.columns.map((c) => (c.id === columnId ? { ...c, ...patch } : c)) })),
      moveColumn: async ({ id, columnId, toIndex }) =>
        update(id, (b) => {
          const column = b.columns.find((c) => c.id === columnId)!
          const rest = b.columns.filter((c) => c.id !== columnId)
          return { ...b, columns: [...rest.slice(0, toIndex), column, ...rest.slice(toIndex)] }
        }),
      deleteColumn: async ({ id, columnId, moveTo }) => {
        const moving = cardsOf(id).filter((n) => n.board!.columnId === columnId)
        for (const n of moving) {
          if (moveTo) place(n.id, id, moveTo, null, null)
          else change(n.id, { board: null })
        }
        const board = update(id, (b) => ({ ...b, columns: b.columns.filter((c) => c.id !== columnId) }))
        return { board, moved: moving.length }
      },
      setDefaultStandard: async ({ id, standard }) => update(id, (b) => ({ ...b, defaultStandard: standard ?? null })),
      cards: async ({ id }) => (find(id), cardsOf(id).map(summary)),
    },
    cards: {
      add: async ({ boardId, columnId, title, at }) => {
        const created = await createNote(title)
        const first = cardsOf(boardId).find((n) => n.board!.columnId === columnId)
        return place(created.id, boardId, columnId, null, at === 'top' ? (first?.id ?? null) : null)
      },
      move: async ({ id, boardId, columnId, afterId, beforeId }) => place(id, boardId, columnId, afterId, beforeId),
      place: async ({ id, boardId, columnId }) => place(id, boardId, columnId, null, null),
      remove: async ({ id }) => change(id, { board: null }),
      archive: async ({ id, archived }) => change(id, { archivedAt: archived ? now().toISOString() : null }),
    },
  }
}
