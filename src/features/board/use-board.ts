import { useCallback, useEffect, useRef, useState } from 'react'
import type { Board } from '../../../electron/shared/board'
import type { NoteSummary } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { groupCards, placeAfter, sameJson, shareCards, shareColumns, type Columns } from './board-state'
import { boardsChanged } from './use-boards'
import { messageOf } from '../../ui/message-of'

/** The board, keeping `prev`'s column objects where they did not change (memoised columns skip them). */
function shareBoard(prev: Board | null, next: Board): Board {
  if (!prev) return next
  const columns = next.columns.map((c) => prev.columns.find((p) => p.id === c.id && sameJson(p, c)) ?? c)
  return { ...next, columns }
}

interface SaveOptions {
  /** The save changes the boards list too (a column added, moved or deleted; the default standard). */
  boardsToo?: boolean
  /** The caller shows a refusal itself: the promise rejects and the banner stays quiet. */
  rethrow?: boolean
}

/**
 * One board and its cards. Moves are applied to local state first and saved one after another; while
 * any save is in flight (or a drag is under way) a refresh updates card contents but not the order, so a
 * dropped card never jumps back and forth (the Focalboard #2315 trap). When the last save settles, the
 * order is taken from core again, which by then agrees with what is on screen.
 */
export function useBoard(boardId: string) {
  const api = useApi()
  const [board, setBoard] = useState<Board | null>(null)
  const [missing, setMissing] = useState(false)
  const [cards, setCards] = useState<Map<string, NoteSummary>>(new Map())
  const [order, setOrder] = useState<Columns>({})
  const [error, setError] = useState<string | null>(null)
  const pending = useRef(0)
  const started = useRef(0)
  const dragging = useRef(false)
  const queue = useRef<Promise<unknown>>(Promise.resolve())

  const load = useCallback(async () => {
    const startedBefore = started.current
    try {
      const [boards, list] = await Promise.all([api.boards.list({}), api.boards.cards({ id: boardId })])
      const found = boards.find((b) => b.id === boardId) ?? null
      // Unchanged cards, columns and orders keep their objects, so a reload re-renders only what changed.
      setCards((prev) => shareCards(prev, list))
      if (!found) return setMissing(true)
      // A move began after this read started: its result is newer than this order.
      if (pending.current > 0 || dragging.current || started.current !== startedBefore) return
      setBoard((prev) => (prev && sameJson(prev, found) ? prev : shareBoard(prev, found)))
      setOrder((prev) => shareColumns(prev, groupCards(found, list)))
    } catch (err) {
      if (/NOT_FOUND/.test(messageOf(err)) || /no board/i.test(messageOf(err))) setMissing(true)
      else setError(messageOf(err))
    }
  }, [api, boardId])

  // The view is keyed by board id, so a different board starts from fresh state.
  useEffect(() => {
    const timer = setTimeout(() => void load(), 0)
    return () => clearTimeout(timer)
  }, [load])

  // Notes saved anywhere (editor, follow-ups, CLI) may be cards here: refresh, coalescing bursts.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const off = api.on('library.changed', () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => void load(), 60)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [api, load])

  /**
   * Saves in order; a refused save reloads the truth from core and says why — in the board's banner, or,
   * with `rethrow`, to the caller (a form that keeps what was typed and shows the reason beside it).
   */
  const save = useCallback(
    (work: () => Promise<unknown>, { boardsToo = false, rethrow = false }: SaveOptions = {}) => {
      pending.current++
      started.current++
      setError(null)
      const run = queue.current.then(work)
      queue.current = run
        .catch((err: unknown) => void (rethrow || setError(messageOf(err))))
        .finally(() => {
          pending.current--
          if (boardsToo) boardsChanged()
          if (pending.current === 0) void load()
        })
      return rethrow ? run.then(() => undefined) : queue.current
    },
    [load],
  )

  const moveCard = useCallback(
    (id: string, columnId: string, afterId: string | null, beforeId: string | null) => {
      setOrder((o) => placeAfter(o, id, columnId, afterId, beforeId))
      return save(() => api.cards.move({ id, boardId, columnId, afterId, beforeId }))
    },
    [api, boardId, save],
  )

  const moveColumn = useCallback(
    (columnId: string, toIndex: number) => {
      setBoard((b) => {
        if (!b) return b
        const column = b.columns.find((c) => c.id === columnId)!
        const rest = b.columns.filter((c) => c.id !== columnId)
        return { ...b, columns: [...rest.slice(0, toIndex), column, ...rest.slice(toIndex)] }
      })
      return save(() => api.boards.moveColumn({ id: boardId, columnId, toIndex }), { boardsToo: true })
    },
    [api, boardId, save],
  )

  const setDragging = useCallback((value: boolean) => {
    dragging.current = value
  }, [])

  return {
    board,
    missing,
    cards,
    order,
    setOrder,
    error,
    setError,
    load,
    save,
    moveCard,
    moveColumn,
    setDragging,
  }
}
export type BoardModel = ReturnType<typeof useBoard>
