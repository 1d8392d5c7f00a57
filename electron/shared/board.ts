import { z } from 'zod'
import { NoteId, isoTimeSchema } from './model'
import { StandardId } from './followups/standards'

/** Boards and their columns live in boards.json; the cards are notes (Note.board says where each sits). */
export const BoardId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"')
export const ColumnId = BoardId

export const BoardName = z.string().trim().min(1, 'a board needs a name').max(200, 'a name is at most 200 characters')
export const ColumnName = z.string().trim().min(1, 'a column needs a name').max(100, 'a name is at most 100 characters')

export const Column = z.object({
  id: ColumnId,
  name: ColumnName,
  /** A card moved here is marked done (its follow-up ends); moved out, it is reopened. */
  done: z.boolean(),
  /** Soft limit: the column shows a warning above it but never refuses a card. */
  wipLimit: z.number().int().min(1).max(10_000).nullable(),
})
export type Column = z.infer<typeof Column>

/** Trello's label colours (a shade may follow: "red_dark", "sky_light"). */
export const LabelColor = z
  .string()
  .regex(/^(green|yellow|orange|red|purple|blue|sky|lime|pink|black)(_dark|_light)?$/, 'is not a Trello label colour')
export type LabelColor = z.infer<typeof LabelColor>

/** A colour for each tag a Trello label became, so the cards show the colours the board had there. */
export const LabelColors = z.record(z.string().max(64), LabelColor)
export type LabelColors = z.infer<typeof LabelColors>

export const Board = z.object({
  id: BoardId,
  name: BoardName,
  createdAt: isoTimeSchema,
  archivedAt: isoTimeSchema.nullable(),
  columns: z.array(Column).max(50),
  /** The follow-up standard new follow-ups on this board's cards start with (mirrored into settings). */
  defaultStandard: StandardId.nullable(),
  /** Absent on boards made in Tickler: their labels take a colour from the tag's name. */
  labelColors: LabelColors.optional(),
})
export type Board = z.infer<typeof Board>

/** Where a card goes: between two cards of the target column (null = that end of the column). */
export const CardTarget = z.object({
  boardId: BoardId,
  columnId: ColumnId,
  afterId: NoteId.nullable(),
  beforeId: NoteId.nullable(),
})
export type CardTarget = z.infer<typeof CardTarget>
