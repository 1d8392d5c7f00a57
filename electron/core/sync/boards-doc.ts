import * as Y from 'yjs'
import { Board, type Column } from '../../shared/board'
import { compareRank, isValidRank, rankBetween } from '../../shared/rank'
import { deepEqual } from './deep-equal'

/**
 * Boards and their columns as one library-level Y.Doc: boards → id → map of the board's fields, whose
 * `columns` is id → map of the column's fields plus `rank` (its place, shared/rank.ts). Each field is
 * its own register, so a rename on one device and an archive, a new column or a WIP limit on another
 * all survive; two renames of the same thing converge on one. A column's order is its rank, so moving
 * it rewrites that column only, and two devices moving different columns both keep their move.
 *
 * A deleted board or column stays as a tombstone (`deletedAt`): a delete beats a concurrent rename, and
 * a card moved into a column another device deleted can be told apart from one whose column has not
 * arrived yet (see board-cards.ts).
 */
export const BOARDS_GUID = '@boards'
const BOARDS = 'boards'
const COLUMNS = 'columns'
const DELETED = 'deletedAt'
const RANK = 'rank'

type Fields = Y.Map<unknown>
const boardsOf = (doc: Y.Doc) => doc.getMap<Fields>(BOARDS)
const columnsOf = (board: Fields) => board.get(COLUMNS) as Y.Map<Fields> | undefined
const live = (fields: Fields) => fields.get(DELETED) === undefined
const rankOf = (fields: Fields) => {
  const rank = fields.get(RANK)
  return typeof rank === 'string' ? rank : ''
}

/** What the doc says about boards: the live ones, and the ids of those (and of columns) deleted. */
export interface BoardsView {
  boards: Board[]
  deletedBoards: Set<string>
  /** boardId → the ids of its deleted columns. */
  deletedColumns: Map<string, Set<string>>
}

/** The live columns of a board entry in their order: rank, then id so equal ranks still agree. */
function orderedColumns(board: Fields): [string, Fields][] {
  const columns = [...(columnsOf(board)?.entries() ?? [])].filter(([, c]) => live(c))
  return columns.sort(([a, x], [b, y]) => compareRank(rankOf(x), rankOf(y)) || a.localeCompare(b))
}

function boardOf(id: string, fields: Fields): Board | null {
  const columns = orderedColumns(fields).map(([columnId, c]) => ({
    id: columnId,
    name: c.get('name'),
    done: c.get('done'),
    wipLimit: c.get('wipLimit') ?? null,
  }))
  const labelColors = fields.get('labelColors')
  const parsed = Board.safeParse({
    id,
    name: fields.get('name'),
    createdAt: fields.get('createdAt'),
    archivedAt: fields.get('archivedAt') ?? null,
    defaultStandard: fields.get('defaultStandard') ?? null,
    columns,
    ...(labelColors ? { labelColors } : {}),
  })
  // A board that does not validate (another device's bug, a newer Tickler) is left out, not applied.
  return parsed.success ? parsed.data : null
}

export function readBoards(doc: Y.Doc): BoardsView {
  const view: BoardsView = { boards: [], deletedBoards: new Set(), deletedColumns: new Map() }
  for (const [id, fields] of boardsOf(doc)) {
    if (!live(fields)) {
      view.deletedBoards.add(id)
      continue
    }
    const gone = [...(columnsOf(fields)?.entries() ?? [])].filter(([, c]) => !live(c)).map(([c]) => c)
    if (gone.length) view.deletedColumns.set(id, new Set(gone))
    const board = boardOf(id, fields)
    if (board) view.boards.push(board)
  }
  view.boards.sort((a, b) => a.id.localeCompare(b.id))
  return view
}

const setIfChanged = (fields: Fields, key: string, value: unknown) => {
  if (!deepEqual(fields.get(key) ?? null, value ?? null)) fields.set(key, value ?? null)
}

/**
 * The ranks the local order needs: columns already in order keep theirs (the longest run of ranks
 * that already increase along the local order), the others get a rank between their neighbours.
 */
function ranksFor(order: string[], known: Map<string, string>): Map<string, string> {
  const ranked = order.map((id) => known.get(id) ?? null)
  // Longest increasing run of existing ranks (quadratic; a board has at most 50 columns).
  const best = ranked.map(() => 1)
  const prev = ranked.map(() => -1)
  for (let i = 0; i < ranked.length; i++) {
    if (ranked[i] === null) best[i] = 0
    for (let j = 0; j < i; j++) {
      if (ranked[i] === null || ranked[j] === null || compareRank(ranked[j]!, ranked[i]!) >= 0) continue
      if (best[j]! + 1 > best[i]!) [best[i], prev[i]] = [best[j]! + 1, j]
    }
  }
  const keep = new Set<number>()
  for (let at = best.indexOf(Math.max(0, ...best)); at >= 0 && ranked[at] !== null; at = prev[at]!) {
    keep.add(at)
  }
  const out = new Map<string, string>()
  let before: string | null = null
  for (let i = 0; i < order.length; i++) {
    if (!keep.has(i)) {
      const nextKept = [...keep].filter((k) => k > i).sort((a, b) => a - b)[0]
      ranked[i] = rankBetween(before, nextKept === undefined ? null : ranked[nextKept]!)
      out.set(order[i]!, ranked[i]!)
    }
    before = ranked[i]!
  }
  return out
}

function absorbColumns(board: Fields, columns: Column[], now: string) {
  let entries = columnsOf(board)
  if (!entries) board.set(COLUMNS, (entries = new Y.Map<Fields>()))
  const had = new Map(orderedColumns(board))
  // A rank another device wrote badly is treated as no rank: the column is placed again.
  const known = new Map([...had].map(([id, c]) => [id, rankOf(c)] as const).filter(([, r]) => isValidRank(r)))
  const ranks = ranksFor(
    columns.map((c) => c.id),
    known,
  )
  for (const column of columns) {
    let fields = entries.get(column.id)
    if (fields && !live(fields)) continue // deleted elsewhere: the delete wins over a concurrent edit
    if (!fields) entries.set(column.id, (fields = new Y.Map()))
    const rank = ranks.get(column.id)
    if (rank !== undefined) fields.set(RANK, rank)
    setIfChanged(fields, 'name', column.name)
    setIfChanged(fields, 'done', column.done)
    setIfChanged(fields, 'wipLimit', column.wipLimit)
    had.delete(column.id)
  }
  for (const fields of had.values()) fields.set(DELETED, now)
}

/** Records this device's boards into the doc: only what differs from what the doc already says. */
export function absorbBoards(doc: Y.Doc, boards: Board[], addOnly: boolean, now: string): void {
  const entries = boardsOf(doc)
  const had = new Set([...entries].filter(([, f]) => live(f)).map(([id]) => id))
  doc.transact(() => {
    for (const board of boards) {
      let fields = entries.get(board.id)
      had.delete(board.id)
      if (fields && !live(fields)) continue
      const fresh = !fields
      if (!fields) entries.set(board.id, (fields = new Y.Map()))
      if (addOnly && !fresh) continue
      setIfChanged(fields, 'name', board.name)
      setIfChanged(fields, 'createdAt', board.createdAt)
      setIfChanged(fields, 'archivedAt', board.archivedAt)
      setIfChanged(fields, 'defaultStandard', board.defaultStandard)
      setIfChanged(fields, 'labelColors', board.labelColors)
      absorbColumns(fields, board.columns, now)
    }
    if (!addOnly) for (const id of had) entries.get(id)!.set(DELETED, now)
  })
}
