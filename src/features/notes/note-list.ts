import type { Note, NoteSummary } from '../../../electron/shared/model'

export type Scope = { kind: 'all' } | { kind: 'notebook'; id: string }

export function inScope(scope: Scope, notebookId: string): boolean {
  return scope.kind === 'all' || scope.id === notebookId
}

/** Newest first; ties broken by id so the order never flickers between refreshes. */
export function sortByUpdated(notes: readonly NoteSummary[]): NoteSummary[] {
  return [...notes].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
}

/** Same collapsing as a list row shows, so a just-saved note looks like it will after the next refresh. */
export function snippetOf(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

const NO_STATS: Pick<NoteSummary, 'tasks' | 'media' | 'links'> = {
  tasks: { done: 0, total: 0 },
  media: { images: 0, files: 0 },
  links: [],
}

export function summaryOf(note: Note, previous?: NoteSummary): NoteSummary {
  // Dropping the heavy fields (rather than listing the kept ones) keeps up with fields the model gains.
  const { doc: _doc, text, history: _history, schemaVersion: _version, ...rest } = note
  // Checklist and media counts and links are derived by core (shared/doc-stats.ts, which the renderer may not
  // import); the note list does not show them, and the next refresh from core brings the real ones.
  const stats = previous ? { tasks: previous.tasks, media: previous.media, links: previous.links } : NO_STATS
  return { ...rest, ...stats, snippet: snippetOf(text) }
}

/** Puts a saved or created note into the visible list, or takes it out if it left the scope. */
export function upsertSummary(list: readonly NoteSummary[], note: Note, scope: Scope): NoteSummary[] {
  const rest = list.filter((item) => item.id !== note.id)
  const previous = list.find((item) => item.id === note.id)
  // A stale save reply must not replace a newer row that a refresh already brought in.
  if (previous && previous.revision > note.revision) return [...list]
  return inScope(scope, note.notebookId) ? sortByUpdated([summaryOf(note, previous), ...rest]) : rest
}
