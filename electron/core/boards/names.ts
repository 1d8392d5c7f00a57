import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseJson } from '../json-document'
import { BoardsDoc } from './store'

/**
 * Board names by id, read straight from boards.json for search's board: filter. Only reads: the board
 * store in the same process stays the file's one writer (and the one that moves a damaged file aside).
 * A missing file, or one that does not match its schema, means no boards.
 */
export async function readBoardNames(dataDir: string): Promise<[string, string][]> {
  const text = await readFile(join(dataDir, 'boards.json'), 'utf8').catch(() => null)
  const parsed = text === null ? null : parseJson(text, BoardsDoc)
  return parsed?.ok ? parsed.data.boards.map((b) => [b.id, b.name]) : []
}
