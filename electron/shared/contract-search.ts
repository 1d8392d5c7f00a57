import { z } from 'zod'
import { method } from './contract-method'
import { NoteId } from './model'
import { MAX_QUERY_LENGTH } from './domain/search-query'

/** Search calls, spread into the contract. The query language is described in domain/search-query.ts. */

export const SearchHit = z.object({
  id: NoteId,
  title: z.string(),
  /** A one-line excerpt around the first match. */
  snippet: z.string(),
  score: z.number(),
  /** Folded (lower-case, accent-free) words that matched, for highlighting in title, snippet and note. */
  matches: z.array(z.string()),
})
export type SearchHit = z.infer<typeof SearchHit>

export const SearchOutput = z.object({
  hits: z.array(SearchHit),
  /** Parts of the query that were not used, each with the reason ("due:someday (due: knows overdue, today and week)"). */
  ignored: z.array(z.string()),
  total: z.number().int(),
  /** False while the library is still being indexed; hits then come from the notes indexed so far. */
  complete: z.boolean(),
  /** True when a newer query replaced this one before it ran; the caller shows the newer one's answer. */
  superseded: z.boolean().optional(),
})
export type SearchOutput = z.infer<typeof SearchOutput>

export const SavedSearch = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().trim().min(1).max(100),
  query: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
  createdAt: z.string(),
})
export type SavedSearch = z.infer<typeof SavedSearch>

export const searchContract = {
  'search.query': method(
    z.object({
      query: z.string().max(MAX_QUERY_LENGTH, `a search is at most ${MAX_QUERY_LENGTH} characters`),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    SearchOutput,
  ),
  /** Saved searches, shown in the sidebar; each answer is the whole list in the order they were saved. */
  'search.saved': method(z.object({}), z.array(SavedSearch)),
  /** Saving a query that is already saved renames it rather than adding a second entry. */
  'search.save': method(SavedSearch.pick({ name: true, query: true }), z.array(SavedSearch)),
  'search.unsave': method(z.object({ id: SavedSearch.shape.id }), z.array(SavedSearch)),
} as const
