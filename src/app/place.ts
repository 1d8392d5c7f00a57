import type { ListScope } from '../features/notes/list-view'

/** Where the user is in the window: what the middle pane shows and which note is open. */
export interface Place {
  pane: 'notes' | 'followups' | 'board'
  scope: ListScope
  boardId: string | null
  noteId: string | null
}

/**
 * Kept for the window's session (sessionStorage, per window), so a reload returns to the same place
 * instead of Inbox; a fresh start opens on Inbox as always.
 */
const KEY = 'tickler.place'

const text = (value: unknown, max = 500): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max

function readScope(value: unknown): ListScope | null {
  if (typeof value !== 'object' || value === null) return null
  const scope = value as Record<string, unknown>
  if (scope.kind === 'all' || scope.kind === 'trash') return { kind: scope.kind }
  if (scope.kind === 'notebook' && text(scope.id)) return { kind: 'notebook', id: scope.id }
  if (scope.kind === 'tag' && text(scope.tag)) return { kind: 'tag', tag: scope.tag }
  return null
}

/** What was stored, checked field by field: anything unexpected is dropped rather than trusted. */
export function parsePlace(raw: string | null | undefined): Place | null {
  if (!raw) return null
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof value !== 'object' || value === null) return null
  const place = value as Record<string, unknown>
  const scope = readScope(place.scope)
  if (!scope) return null
  const boardId = text(place.boardId) ? place.boardId : null
  const pane = place.pane === 'followups' || (place.pane === 'board' && boardId) ? place.pane : 'notes'
  return { pane, scope, boardId, noteId: text(place.noteId) ? place.noteId : null }
}

export function readPlace(storage: Pick<Storage, 'getItem'> | undefined = globalThis.sessionStorage): Place | null {
  try {
    return parsePlace(storage?.getItem(KEY))
  } catch {
    return null // storage switched off
  }
}

export function savePlace(place: Place, storage: Pick<Storage, 'setItem'> | undefined = globalThis.sessionStorage) {
  try {
    storage?.setItem(KEY, JSON.stringify(place))
  } catch {
    // Full or switched off: a reload then starts on Inbox, nothing else is lost.
  }
}
