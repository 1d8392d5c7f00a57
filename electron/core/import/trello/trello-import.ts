import { readFile, stat } from 'node:fs/promises'
import { rankBetween } from '../../../shared/rank'
import { describeZodError } from '../../../shared/rpc'
import { ImportFault, type SourceContext } from '../source'
import { jsonFaultOffset } from './json-fault'
import { cardToDraft, indexBoard, labelColorsOf } from './trello-card'
import { TrelloBoard } from './trello-schema'

/**
 * A Trello export is one JSON document, read whole: boards of thousands of cards are a few megabytes, and
 * a JSON file cannot be turned into notes before its end is seen anyway (cards, checklists and comments
 * sit in separate arrays). Files over this size are refused with a sentence rather than read.
 */
export const MAX_TRELLO_BYTES = 256 * 1024 * 1024

/** Line and column (1-based) of a character offset, for a message that names the place. */
export function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - before.lastIndexOf('\n') }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const offset = jsonFaultOffset(text)
    const { line, column } = placeOf(text, offset)
    throw new ImportFault(
      `the file is not valid JSON (${message.replace(/ in JSON at position \d+.*$|, \.\.\..*$/s, '')})`,
      line,
      column,
    )
  }
}

/** A Trello board export: a board with a column per open list, a note per card. */
export async function importTrello(path: string, ctx: SourceContext): Promise<{ id: string; name: string }> {
  const { size } = await stat(path)
  if (size > MAX_TRELLO_BYTES)
    throw new ImportFault('the file is larger than 256 MB; a Trello board export never is')
  const text = await readFile(path, 'utf8')
  const parsed = TrelloBoard.safeParse(parseJson(text))
  if (!parsed.success)
    throw new ImportFault(`this is JSON but not a Trello board export (${describeZodError(parsed.error)})`)
  const trello = parsed.data
  ctx.bytes(size / 2)

  const lists = [...trello.lists].sort((a, b) => a.pos - b.pos)
  const open = lists.filter((l) => !l.closed)
  // Columns cannot be archived, so a closed list becomes no column; its cards come in archived instead.
  const columns = (open.length ? open : [{ name: 'Cards' }]).map((l) => ({
    name: (l.name.trim() || 'Untitled').slice(0, 100),
    done: false,
  }))
  const board = await ctx.createBoard(
    trello.name.trim().slice(0, 200) || 'Trello board',
    columns.slice(0, 50),
    labelColorsOf(trello),
  )
  const columnOf = new Map(open.slice(0, 50).map((l, i) => [l.id, board.columns[i]!.id]))
  const closedLists = new Map(lists.filter((l) => l.closed).map((l) => [l.id, l.name]))
  if (open.length > 50)
    ctx.warn(
      'board',
      `only 50 columns fit on a board; cards of ${open.length - 50} later lists were imported archived`,
    )

  const index = indexBoard(trello)
  const lastRank = new Map<string, string | null>()
  const cards = [...trello.cards].sort((a, b) => a.pos - b.pos)
  let done = 0
  for (const card of cards) {
    if (ctx.signal.aborted) return { id: board.id, name: board.name }
    const label = `card "${card.name.slice(0, 80)}"`
    try {
      const draft = cardToDraft(card, index, ctx.now(), (message) => ctx.warn(label, message))
      const columnId = columnOf.get(card.idList) ?? (open.length ? undefined : board.columns[0]!.id)
      if (columnId) {
        const rank = rankBetween(lastRank.get(columnId) ?? null, null)
        lastRank.set(columnId, rank)
        draft.board = { boardId: board.id, columnId, rank }
      } else {
        draft.archivedAt ??= draft.updatedAt
        const list = closedLists.get(card.idList)
        ctx.warn(
          label,
          list !== undefined
            ? `its list "${list}" was closed; the card was imported archived`
            : 'its list is missing from the export; the card was imported archived',
        )
      }
      await ctx.write(draft, label)
    } catch (error) {
      ctx.skip(label, error instanceof Error ? error.message : String(error))
    }
    ctx.bytes(size / 2 + (size / 2) * (++done / cards.length))
  }
  return { id: board.id, name: board.name }
}
