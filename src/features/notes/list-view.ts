import type { NoteSummary } from '../../../electron/shared/model'

/** Which notes the list shows. Trashed notes appear only in the Trash, never in any other view or count. */
export type ListScope =
  | { kind: 'all' }
  | { kind: 'notebook'; id: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'trash' }

export type SortKey = 'updated' | 'created' | 'title'
export const SORT_KEYS: readonly SortKey[] = ['updated', 'created', 'title']

const sameTag = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase()

export function matchesScope(scope: ListScope, note: Pick<NoteSummary, 'notebookId' | 'tags' | 'trashedAt'>): boolean {
  if (scope.kind === 'trash') return note.trashedAt !== null
  if (note.trashedAt !== null) return false
  if (scope.kind === 'notebook') return note.notebookId === scope.id
  if (scope.kind === 'tag') return note.tags.some((t) => sameTag(t, scope.tag))
  return true
}

export function scopeKey(scope: ListScope): string {
  return scope.kind === 'notebook' ? `nb:${scope.id}` : scope.kind === 'tag' ? `tag:${scope.tag}` : scope.kind
}

/** Ties fall back to the id so rows never swap places between refreshes. */
export function sortNotes(notes: readonly NoteSummary[], key: SortKey, locale = 'en'): NoteSummary[] {
  if (key === 'title') {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
    // Untitled notes go last rather than crowding the top of an A–Z list.
    return [...notes].sort(
      (a, b) =>
        Number(!a.title.trim()) - Number(!b.title.trim()) ||
        collator.compare(a.title.trim(), b.title.trim()) ||
        a.id.localeCompare(b.id),
    )
  }
  const field = key === 'created' ? 'createdAt' : 'updatedAt'
  return [...notes].sort((a, b) => b[field].localeCompare(a[field]) || a.id.localeCompare(b.id))
}

export function visibleNotes(all: readonly NoteSummary[], scope: ListScope, key: SortKey, locale?: string): NoteSummary[] {
  return sortNotes(
    all.filter((n) => matchesScope(scope, n)),
    key,
    locale,
  )
}

export interface Counts {
  all: number
  trash: number
  notebooks: Map<string, number>
  /** Tags outside the Trash, most used first, each under the spelling first seen. */
  tags: { tag: string; count: number }[]
}

export function countNotes(all: readonly NoteSummary[]): Counts {
  const notebooks = new Map<string, number>()
  const tags = new Map<string, { tag: string; count: number }>()
  let live = 0
  let trash = 0
  for (const n of all) {
    if (n.trashedAt) {
      trash++
      continue
    }
    live++
    notebooks.set(n.notebookId, (notebooks.get(n.notebookId) ?? 0) + 1)
    for (const tag of n.tags) {
      const entry = tags.get(tag.toLocaleLowerCase()) ?? { tag, count: 0 }
      entry.count++
      tags.set(tag.toLocaleLowerCase(), entry)
    }
  }
  const sortedTags = [...tags.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
  return { all: live, trash, notebooks, tags: sortedTags }
}

/** Tags to offer while typing: prefix matches first, then substring matches, never ones already on the note. */
export function suggestTags(known: readonly string[], typed: string, current: readonly string[], limit = 8): string[] {
  const query = typed.trim().replace(/^#/, '').toLocaleLowerCase()
  const taken = new Set(current.map((t) => t.toLocaleLowerCase()))
  const free = known.filter((t) => !taken.has(t.toLocaleLowerCase()))
  if (!query) return free.slice(0, limit)
  const starts = free.filter((t) => t.toLocaleLowerCase().startsWith(query))
  const contains = free.filter((t) => !t.toLocaleLowerCase().startsWith(query) && t.toLocaleLowerCase().includes(query))
  return [...starts, ...contains].slice(0, limit)
}
