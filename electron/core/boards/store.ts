import type { Low } from 'lowdb'
import { z } from 'zod'
import { Board, type LabelColors } from '../../shared/board'
import { TicklerError } from '../../shared/rpc'
import { newId } from '../note-files'
import { openSmallDoc } from '../small-doc'
import type { CorruptFile } from '../types'
import { WriteSignal } from '../write-signal'

export const BOARDS_SCHEMA_VERSION = 1

/** boards.json: boards and their columns. Cards are not here: each note records its own placement. */
export const BoardsDoc = z.object({ schemaVersion: z.literal(BOARDS_SCHEMA_VERSION), boards: z.array(Board) })
type BoardsDoc = z.infer<typeof BoardsDoc>

const fresh = (): BoardsDoc => ({ schemaVersion: BOARDS_SCHEMA_VERSION, boards: [] })

export interface BoardStore {
  readonly corrupt: CorruptFile | null
  list(): Board[]
  get(id: string): Board
  create(
    name: string,
    columns: { name: string; done: boolean }[],
    at: Date,
    labelColors?: LabelColors,
  ): Promise<Board>
  /** Adds a board made elsewhere, keeping its ids (sync: the same board on every device). */
  insert(board: Board): Promise<Board>
  /** Replaces one board with `change(board)`; a failed write leaves the document as it was. */
  update(id: string, change: (board: Board) => Board): Promise<Board>
  remove(id: string): Promise<void>
  /** Calls `listener` after each write of boards.json; returns how to stop. */
  onWrite(listener: () => void): () => void
}

export async function openBoardStore(dataDir: string, readOnly = false): Promise<BoardStore> {
  const { db, corrupt } = await openSmallDoc(dataDir, 'boards.json', BoardsDoc, fresh, readOnly)
  return new JsonBoardStore(db, corrupt, readOnly)
}

class JsonBoardStore implements BoardStore {
  private queue: Promise<unknown> = Promise.resolve()
  private readonly signal = new WriteSignal()
  readonly onWrite = this.signal.onWrite.bind(this.signal)

  constructor(
    private readonly db: Low<BoardsDoc>,
    readonly corrupt: CorruptFile | null,
    private readonly readOnly: boolean,
  ) {}

  /** One write at a time: two quick renames must not interleave their read-change-write. */
  private save<T>(change: (boards: Board[]) => { boards: Board[]; result: T }): Promise<T> {
    const run = this.queue.then(async () => {
      if (this.readOnly)
        throw new TicklerError('LOCKED', 'The library is open read-only; nothing can be saved.')
      const before = this.db.data.boards
      const { boards, result } = change(before)
      this.db.data.boards = boards
      try {
        await this.db.write()
      } catch (error) {
        this.db.data.boards = before
        throw error
      }
      this.signal.wrote()
      return result
    })
    this.queue = run.catch(() => undefined)
    return run
  }

  list(): Board[] {
    return this.db.data.boards
  }

  get(id: string): Board {
    const board = this.db.data.boards.find((b) => b.id === id)
    if (!board) throw new TicklerError('NOT_FOUND', `There is no board with id ${id}.`)
    return board
  }

  create(
    name: string,
    columns: { name: string; done: boolean }[],
    at: Date,
    labelColors?: LabelColors,
  ): Promise<Board> {
    const board: Board = {
      id: newId(),
      name: name.trim(),
      createdAt: at.toISOString(),
      archivedAt: null,
      columns: columns.map((c) => ({ id: newId(), name: c.name.trim(), done: c.done, wipLimit: null })),
      defaultStandard: null,
      ...(labelColors && Object.keys(labelColors).length ? { labelColors } : {}),
    }
    return this.insert(board)
  }

  insert(board: Board): Promise<Board> {
    const parsed = Board.safeParse(board)
    if (!parsed.success)
      throw new TicklerError('BAD_INPUT', `Invalid board: ${parsed.error.issues[0]?.message}`)
    return this.save((boards) => {
      if (boards.some((b) => b.id === board.id))
        throw new TicklerError('CONFLICT', `A board with id ${board.id} exists.`)
      return { boards: [...boards, parsed.data], result: parsed.data }
    })
  }

  update(id: string, change: (board: Board) => Board): Promise<Board> {
    return this.save((boards) => {
      const current = boards.find((b) => b.id === id)
      if (!current) throw new TicklerError('NOT_FOUND', `There is no board with id ${id}.`)
      const next = change(current)
      const parsed = Board.safeParse(next)
      if (!parsed.success)
        throw new TicklerError('BAD_INPUT', parsed.error.issues.map((i) => i.message).join('; '))
      return { boards: boards.map((b) => (b.id === id ? parsed.data : b)), result: parsed.data }
    })
  }

  remove(id: string): Promise<void> {
    return this.save((boards) => {
      if (!boards.some((b) => b.id === id))
        throw new TicklerError('NOT_FOUND', `There is no board with id ${id}.`)
      return { boards: boards.filter((b) => b.id !== id), result: undefined }
    })
  }
}
