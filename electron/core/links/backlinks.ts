import type { NoteSummary } from '../../shared/model'
import type { Library } from '../types'

/**
 * Which notes link to which: built once from the summaries (each carries the ids its document links to,
 * derived by core on every save), then kept current from the library's change events, so "Linked from"
 * costs a map lookup however large the library is. Trashed notes link to nothing while they are in the
 * Trash; deleting one forgets its links.
 */
export class BacklinkIndex {
  /** target id → ids of the notes linking to it */
  private readonly incoming = new Map<string, Set<string>>()
  /** source id → the targets it was indexed with, to undo them when it changes */
  private readonly outgoing = new Map<string, readonly string[]>()
  private readonly stop: () => void

  constructor(private readonly library: Library) {
    for (const summary of library.listNotes()) this.index(summary.id, summary)
    this.stop = library.onChange(({ noteIds }) => {
      for (const id of noteIds) this.index(id, library.summaryOf(id))
    })
  }

  private index(id: string, summary: NoteSummary | undefined): void {
    for (const target of this.outgoing.get(id) ?? []) {
      const sources = this.incoming.get(target)
      sources?.delete(id)
      if (sources?.size === 0) this.incoming.delete(target)
    }
    const targets = summary && !summary.trashedAt ? summary.links.filter((t) => t !== id) : []
    if (targets.length) this.outgoing.set(id, targets)
    else this.outgoing.delete(id)
    for (const target of targets) {
      let sources = this.incoming.get(target)
      if (!sources) this.incoming.set(target, (sources = new Set()))
      sources.add(id)
    }
  }

  /** The notes linking to `id`, most recently edited first. */
  linksTo(id: string): NoteSummary[] {
    const sources = [...(this.incoming.get(id) ?? [])]
      .map((source) => this.library.summaryOf(source))
      .filter((s): s is NoteSummary => s !== undefined)
    return sources.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
  }

  close(): void {
    this.stop()
  }
}

const indexes = new WeakMap<Library, BacklinkIndex>()

/** One index per open library, shared by every handler table made over it. */
export function backlinksFor(library: Library): BacklinkIndex {
  let index = indexes.get(library)
  if (!index) indexes.set(library, (index = new BacklinkIndex(library)))
  return index
}
