import { useEffect, useSyncExternalStore } from 'react'

/**
 * What the last follow-up action on a note said ("attempt 3 is due…", "that was the last attempt — what
 * next?"). The note view is re-keyed by revision, so every saved change remounts the follow-up bar; the
 * notice lives here, outside the component, so the remounted bar still shows it.
 */
export type FollowUpNotice =
  | { kind: 'next'; attempt: number; attempts: number | null; dueAt: string }
  | { kind: 'finished'; attempt: number; attempts: number | null; standard: string | null }
  | { kind: 'error'; message: string }

const notices = new Map<string, FollowUpNotice>()
const mounted = new Map<string, number>()
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((l) => l())

export function setNotice(noteId: string, notice: FollowUpNotice | null): void {
  if (notice) notices.set(noteId, notice)
  else notices.delete(noteId)
  notify()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** The note's notice; it is dropped once no bar shows that note (the user moved to another note). */
export function useNotice(noteId: string): FollowUpNotice | null {
  useEffect(() => {
    mounted.set(noteId, (mounted.get(noteId) ?? 0) + 1)
    return () => {
      mounted.set(noteId, (mounted.get(noteId) ?? 1) - 1)
      // A remount for a new revision mounts the next bar in the same commit; wait a tick before deciding.
      setTimeout(() => {
        if (!mounted.get(noteId) && notices.has(noteId)) setNotice(noteId, null)
      }, 0)
    }
  }, [noteId])
  return useSyncExternalStore(subscribe, () => notices.get(noteId) ?? null)
}
