import { useCallback, useSyncExternalStore } from 'react'
import type { AutosaveQueue, SaveState } from './autosave'

/** One note's save state, re-rendering only the component that shows it when it changes. */
export function useSaveState<R extends { revision: number }>(
  autosave: AutosaveQueue<R>,
  noteId: string,
): SaveState {
  const subscribe = useCallback(
    (changed: () => void) => autosave.subscribe((id) => id === noteId && changed()),
    [autosave, noteId],
  )
  return useSyncExternalStore(subscribe, () => autosave.stateOf(noteId))
}
