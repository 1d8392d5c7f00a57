import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Board names by id, read straight from boards.json for search's board: filter. Only reads: the board
 * store in the same process stays the file's one writer. A missing or damaged file means no boards.
 */
export async function readBoardNames(dataDir: string): Promise<[string, string][]> {
  try {
    const doc = JSON.parse(await readFile(join(dataDir, 'boards.json'), 'utf8')) as { boards?: unknown }
    if (!Array.isArray(doc.boards)) return []
    return doc.boards.flatMap((b: { id?: unknown; name?: unknown }) =>
      typeof b.id === 'string' && typeof b.name === 'string' ? [[b.id, b.name] as [string, string]] : [],
    )
  } catch {
    return []
  }
}
