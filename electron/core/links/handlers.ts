import type { linksContract } from '../../shared/contract-links'
import type { Handlers } from '../../shared/rpc'
import type { Library } from '../types'
import { backlinksFor } from './backlinks'

type LinkHandlers = Pick<Handlers, keyof typeof linksContract>

export function createLinkHandlers(library: Library): LinkHandlers {
  const backlinks = backlinksFor(library)
  return {
    'notes.backlinks': ({ id }) =>
      backlinks.linksTo(id).map(({ id: source, title, notebookId, updatedAt, snippet }) => ({
        id: source,
        title,
        notebookId,
        updatedAt,
        snippet,
      })),
  }
}
