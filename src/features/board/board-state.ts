import type { Board } from '../../../electron/shared/board'
import { pendingFollowUp } from '../../../electron/shared/domain/notes'
import type { NoteSummary } from '../../../electron/shared/model'

/** Card ids per column, in the order the board shows them. */
export type Columns = Record<string, string[]>

/**
 * Groups cards (already in rank order from core) by column. A card naming a column the board no longer
 * has (a sync from another machine) is shown in the first column rather than lost.
 */
export function groupCards(board: Board, cards: readonly NoteSummary[]): Columns {
  const columns: Columns = Object.fromEntries(board.columns.map((c) => [c.id, [] as string[]]))
  const first = board.columns[0]?.id
  for (const card of cards) {
    const id = card.board?.columnId
    const list = (id && columns[id]) || (first ? columns[first] : undefined)
    list?.push(card.id)
  }
  return columns
}

export function columnOf(columns: Columns, cardId: string): string | null {
  for (const [id, cards] of Object.entries(columns)) if (cards.includes(cardId)) return id
  return null
}

/** Moves a card to `index` of `toColumn` (clamped), returning new arrays only for the columns touched. */
export function moveCard(columns: Columns, cardId: string, toColumn: string, index: number): Columns {
  const from = columnOf(columns, cardId)
  if (from === null || !columns[toColumn]) return columns
  const next = { ...columns, [from]: columns[from]!.filter((id) => id !== cardId) }
  const target = [...next[toColumn]!]
  target.splice(Math.max(0, Math.min(index, target.length)), 0, cardId)
  next[toColumn] = target
  return next
}

/**
 * Applies a drop made in a filtered view to the full order: the card goes right after the visible card
 * it was dropped below (or before the one it was dropped above), so hidden cards keep their places.
 */
export function placeAfter(
  columns: Columns,
  cardId: string,
  toColumn: string,
  afterId: string | null,
  beforeId: string | null,
): Columns {
  const without = { ...columns }
  const from = columnOf(columns, cardId)
  if (from !== null) without[from] = columns[from]!.filter((id) => id !== cardId)
  const target = without[toColumn] ?? []
  let index = target.length
  if (afterId !== null && target.includes(afterId)) index = target.indexOf(afterId) + 1
  else if (beforeId !== null && target.includes(beforeId)) index = target.indexOf(beforeId)
  return { ...without, [toColumn]: [...target.slice(0, index), cardId, ...target.slice(index)] }
}

export type DueState = 'overdue' | 'today' | 'upcoming'

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`

/** Null when the card has no pending follow-up (the domain's rule). "Today" is the local day. */
export function dueState(
  card: Pick<NoteSummary, 'followUp' | 'doneAt' | 'archivedAt' | 'trashedAt'>,
  now: Date,
): DueState | null {
  const followUp = pendingFollowUp(card)
  if (!followUp) return null
  const due = new Date(followUp.dueAt)
  if (due.getTime() <= now.getTime()) return 'overdue'
  return dayKey(due) === dayKey(now) ? 'today' : 'upcoming'
}

export interface CardFilter {
  text: string
  tag: string | null
  due: 'any' | DueState | 'none'
  showArchived: boolean
}

export const NO_FILTER: CardFilter = { text: '', tag: null, due: 'any', showArchived: false }

export function isFiltering(f: CardFilter): boolean {
  return f.text.trim() !== '' || f.tag !== null || f.due !== 'any'
}

export function matches(card: NoteSummary, f: CardFilter, now: Date): boolean {
  if (card.archivedAt && !f.showArchived) return false
  const text = f.text.trim().toLocaleLowerCase()
  if (text && !`${card.title}\n${card.snippet}\n${card.tags.join(' ')}`.toLocaleLowerCase().includes(text))
    return false
  if (f.tag && !card.tags.some((t) => t.toLocaleLowerCase() === f.tag!.toLocaleLowerCase())) return false
  if (f.due === 'any') return true
  const state = dueState(card, now)
  return f.due === 'none' ? state === null : state === f.due
}

const sameIds = (a: readonly string[] | undefined, b: readonly string[]) =>
  a !== undefined && a.length === b.length && a.every((id, i) => id === b[i])

/**
 * `next`, keeping `prev`'s array for every column whose cards did not change (and `prev` itself when
 * none did), so memoised columns skip re-rendering after a reload that changed nothing they show.
 */
export function shareColumns(prev: Columns, next: Columns): Columns {
  let changed = Object.keys(prev).length !== Object.keys(next).length
  const out: Columns = {}
  for (const [col, ids] of Object.entries(next)) {
    if (sameIds(prev[col], ids)) out[col] = prev[col]!
    else {
      out[col] = ids
      changed = true
    }
  }
  return changed ? out : prev
}

/**
 * The cards of a reload by id, keeping `prev`'s object for every card that did not change (and `prev`
 * itself when none did): a reload after each save then re-renders only the cards it really changed.
 */
export function shareCards(
  prev: ReadonlyMap<string, NoteSummary>,
  list: readonly NoteSummary[],
): Map<string, NoteSummary> {
  let changed = prev.size !== list.length
  const out = new Map<string, NoteSummary>()
  for (const card of list) {
    const old = prev.get(card.id)
    if (old && sameJson(old, card)) out.set(card.id, old)
    else {
      out.set(card.id, card)
      changed = true
    }
  }
  return changed ? out : (prev as Map<string, NoteSummary>)
}

/** Structural equality for JSON-shaped values (what core sends), without building strings. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((v, i) => sameJson(v, b[i]))
  if (Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  )
}

/** The cards of each column that pass the filter; a column the filter leaves whole keeps its array. */
export function visibleColumns(
  order: Columns,
  cards: ReadonlyMap<string, NoteSummary>,
  filter: CardFilter,
  now: Date,
): Columns {
  const out: Columns = {}
  for (const [col, ids] of Object.entries(order)) {
    const kept = ids.filter((id) => {
      const card = cards.get(id)
      return card !== undefined && matches(card, filter, now)
    })
    out[col] = kept.length === ids.length ? ids : kept
  }
  return out
}
