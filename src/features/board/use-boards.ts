import { useCallback, useEffect, useState } from 'react'
import type { Board } from '../../../electron/shared/board'
import { useApi } from '../../app/api-context'

/**
 * The board list, shared by the sidebar, the board view and the note view's "Add to board". Board
 * changes never come from another process today, so instances tell each other directly.
 */
const listeners = new Set<() => void>()
export const boardsChanged = () => listeners.forEach((l) => l())

export function useBoards() {
  const api = useApi()
  const [boards, setBoards] = useState<Board[]>([])
  const [loaded, setLoaded] = useState(false)
  const reload = useCallback(async () => {
    try {
      setBoards(await api.boards.list({}))
    } finally {
      setLoaded(true)
    }
  }, [api])
  useEffect(() => {
    const listener = () => void reload()
    listener()
    listeners.add(listener)
    return () => void listeners.delete(listener)
  }, [reload])
  return { boards, loaded, reload }
}

/** Runs a board change, then lets every board list refresh. */
export async function changeBoards<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } finally {
    boardsChanged()
  }
}
