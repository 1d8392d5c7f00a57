import type { BoardPlacement, FollowUp, HistoryEntry, NoteDoc } from '../../shared/model'
import { DATE_YEARS, MAX_TAGS, Tag, isSupportedDate } from '../../shared/model'
import { FLATTENED_WARNING, fitDocDepth } from '../fit-doc'

/** A note fully converted from a foreign format, written in one durable write or not at all. */
export interface NoteDraft {
  title: string
  doc: NoteDoc
  tags: string[]
  createdAt: string
  updatedAt: string
  followUp: FollowUp | null
  doneAt: string | null
  archivedAt: string | null
  history: HistoryEntry[]
  board: BoardPlacement | null
}

/**
 * Evernote and Trello allow tags ("labels") with spaces, commas and "#", and of any length; Tickler's do
 * not. The tag keeps its words, joined by "-", so "Project X, phase 2" becomes "Project-X-phase-2".
 */
export function toTag(raw: string): string | null {
  const cleaned = raw
    .trim()
    .replace(/[\s,#]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
  return Tag.safeParse(cleaned).success ? cleaned : null
}

export const toTags = (raw: string[]): string[] => [
  ...new Set(raw.map(toTag).filter((t): t is string => t !== null)),
]

/** A follow-up that came from another app's reminder or due date: first attempt, nobody waited on. */
export function importedFollowUp(dueAt: string): FollowUp {
  return { dueAt, waitingOn: null, owner: null, attempt: 1, standard: null }
}

/** A title the model accepts: at most 500 characters, never blank. */
export function toTitle(raw: string, fallback: string): string {
  const title = raw.replace(/\s+/g, ' ').trim()
  return (title || fallback).slice(0, 500)
}

/**
 * A date from another app as the model stores it (ISO, UTC), or null. One that is there but cannot be
 * kept, because it is no date or lies outside the years a note may carry, is reported through warn with
 * what happens instead ("another was used", "it was left out"), so the summary says what changed.
 */
export function importedDate(
  raw: string | null | undefined,
  what: string,
  instead: string,
  warn: (message: string) => void,
  parse: (raw: string) => number = Date.parse,
): string | null {
  if (!raw) return null
  const time = parse(raw)
  const iso = Number.isNaN(time) ? null : new Date(time).toISOString()
  if (iso && isSupportedDate(iso)) return iso
  const why = iso ? `is outside the years ${DATE_YEARS.min}–${DATE_YEARS.max}` : 'is not a date'
  warn(`the ${what} "${raw.slice(0, 40)}" ${why}; ${instead}`)
  return null
}

/**
 * A converted note brought within what the model accepts, saying what changed: nesting past the depth
 * limit flattened, tags past the limit left out. A note still too big is refused when it is written, and
 * the import lists it as skipped with that reason.
 */
export function fitDraft(draft: NoteDraft, warn: (message: string) => void): NoteDraft {
  const { doc, flattened } = fitDocDepth(draft.doc)
  if (flattened) warn(FLATTENED_WARNING)
  if (draft.tags.length > MAX_TAGS)
    warn(`it has ${draft.tags.length} tags; a note holds ${MAX_TAGS}, so the first ${MAX_TAGS} were kept`)
  return { ...draft, doc, tags: draft.tags.slice(0, MAX_TAGS) }
}
