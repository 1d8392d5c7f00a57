import { posix } from 'node:path'
import { NamePool, safeFileName } from './file-names'

/**
 * Where each exported note's file goes, decided before any file is written, so a note can link to one
 * exported after it: a link between two exported notes becomes a relative link between their files.
 */
export class ExportPlan {
  private readonly paths = new Map<string, string>()
  private readonly pools = new Map<string, NamePool>()

  constructor(private readonly ext: '.md' | '.html') {}

  /** Gives the note a file name in `folder` (unique there, case-insensitively) and returns its path. */
  add(id: string, title: string, folder: string): string {
    let pool = this.pools.get(folder)
    if (!pool) this.pools.set(folder, (pool = new NamePool()))
    const path = posix.join(folder, pool.take(safeFileName(title), this.ext))
    this.paths.set(id, path)
    return path
  }

  pathOf(id: string): string | undefined {
    return this.paths.get(id)
  }

  /** The link from one exported note's file to another's, or null when the target is not in this export. */
  hrefFrom(fromId: string, toId: string): string | null {
    const from = this.paths.get(fromId)
    const to = this.paths.get(toId)
    if (!from || !to) return null
    return posix.relative(posix.dirname(from), to)
  }
}
