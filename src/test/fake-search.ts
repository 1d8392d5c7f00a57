import type { TicklerApi } from '../../electron/shared/contract'
import type { SavedSearch } from '../../electron/shared/contract-search'
import { snippetOf } from '../../electron/shared/domain/notes'
import type { Note } from '../../electron/shared/model'

/**
 * search.* for the in-memory fake: every query word must occur (case-insensitively) in the title or text.
 * The real index, with prefixes, CJK bigrams and filters, lives in core and is tested there.
 */
export function createFakeSearch(notes: Map<string, Note>): TicklerApi['search'] {
  let saved: SavedSearch[] = []
  let next = 1
  return {
    saved: async () => structuredClone(saved),
    save: async ({ name, query }) => {
      const same = saved.find((s) => s.query === query)
      saved = same
        ? saved.map((s) => (s === same ? { ...s, name } : s))
        : [...saved, { id: `s${next++}`, name, query, createdAt: new Date(0).toISOString() }]
      return structuredClone(saved)
    },
    unsave: async ({ id }) => {
      saved = saved.filter((s) => s.id !== id)
      return structuredClone(saved)
    },
    query: async ({ query, limit = 20 }) => {
      const words = query.toLowerCase().split(/\s+/u).filter(Boolean)
      const hits = [...notes.values()]
        .filter((n) => !n.trashedAt && words.length > 0)
        .filter((n) => words.every((w) => `${n.title}\n${n.text}`.toLowerCase().includes(w)))
        .map((n) => ({ id: n.id, title: n.title, snippet: snippetOf(n.text), score: 1, matches: words }))
      return { hits: hits.slice(0, limit), ignored: [], total: hits.length, complete: true }
    },
  }
}
