import { z } from 'zod'
import { NoteId } from './model'
import { MAX_QUERY_LENGTH } from './search-query'

/** Search calls, spread into the contract. The query language is described in search-query.ts. */
const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output })

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
  /** Parts of the query that were not used, each with the reason ("board:x (boards are not available yet)"). */
  ignored: z.array(z.string()),
  total: z.number().int(),
  /** False while the library is still being indexed; hits then come from the notes indexed so far. */
  complete: z.boolean(),
  /** True when a newer query replaced this one before it ran; the caller shows the newer one's answer. */
  superseded: z.boolean().optional(),
})
export type SearchOutput = z.infer<typeof SearchOutput>

export const searchContract = {
  'search.query': method(
    z.object({
      query: z.string().max(MAX_QUERY_LENGTH, `a search is at most ${MAX_QUERY_LENGTH} characters`),
      limit: z.number().int().min(1).max(200).optional(),
    }),
    SearchOutput,
  ),
} as const
