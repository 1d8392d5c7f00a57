import type { Handlers } from '../../shared/rpc'
import type { SearchService } from './service'

/** A search box shows a screenful; callers wanting more ask for it. */
export const DEFAULT_LIMIT = 20

export function createSearchHandlers(search: SearchService): Pick<Handlers, 'search.query'> {
  return {
    'search.query': ({ query, limit }) => search.query(query, limit ?? DEFAULT_LIMIT),
  }
}
