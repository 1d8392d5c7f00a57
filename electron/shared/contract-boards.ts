import { z } from 'zod'
import { method } from './contract-method'
import { Note, NoteId, NoteSummary } from './model'
import { StandardId } from './followups/standards'
import { Board, BoardId, BoardName, CardTarget, ColumnId, ColumnName, LabelColors } from './board'

/** Board and card calls, spread into the contract. A card is a note; these only place and move it. */

const Changed = z.object({ count: z.number().int().nonnegative() })

export const boardsContract = {
  'boards.list': method(z.object({}), z.array(Board)),
  /** Column names come from the renderer, so a new board starts in the user's language. */
  'boards.create': method(
    z.object({
      name: BoardName,
      columns: z.array(z.object({ name: ColumnName, done: z.boolean() })).min(1).max(50),
      labelColors: LabelColors.optional(),
    }),
    Board,
  ),
  'boards.rename': method(z.object({ id: BoardId, name: BoardName }), Board),
  'boards.archive': method(z.object({ id: BoardId, archived: z.boolean() }), Board),
  /** Takes every card off the board (the notes stay, unchanged otherwise); count = notes taken off. */
  'boards.delete': method(z.object({ id: BoardId }), Changed),
  'boards.addColumn': method(z.object({ id: BoardId, name: ColumnName, done: z.boolean().optional() }), Board),
  'boards.updateColumn': method(
    z.object({
      id: BoardId,
      columnId: ColumnId,
      name: ColumnName.optional(),
      done: z.boolean().optional(),
      wipLimit: z.number().int().min(1).max(10_000).nullable().optional(),
    }),
    Board,
  ),
  'boards.moveColumn': method(z.object({ id: BoardId, columnId: ColumnId, toIndex: z.number().int().min(0) }), Board),
  /** moveTo: the column that receives its cards (at the bottom), or null to take them off the board. */
  'boards.deleteColumn': method(
    z.object({ id: BoardId, columnId: ColumnId, moveTo: ColumnId.nullable() }),
    z.object({ board: Board, moved: z.number().int().nonnegative() }),
  ),
  'boards.setDefaultStandard': method(z.object({ id: BoardId, standard: StandardId.nullable() }), Board),
  /** The board's cards in column order (by rank); archived ones included, the board filters them. */
  'boards.cards': method(z.object({ id: BoardId }), z.array(NoteSummary)),
  /** Creates a note with this title at the top or bottom of a column. */
  'cards.add': method(
    z.object({
      boardId: BoardId,
      columnId: ColumnId,
      title: z.string().trim().min(1, 'a card needs a title').max(500),
      at: z.enum(['top', 'bottom']),
    }),
    Note,
  ),
  /** Places (or moves) a note between two cards; writes this one note only. */
  'cards.move': method(CardTarget.extend({ id: NoteId }), Note),
  /** "Add to board" from the note view: puts the note at the bottom of the column. */
  'cards.place': method(z.object({ id: NoteId, boardId: BoardId, columnId: ColumnId }), Note),
  'cards.remove': method(z.object({ id: NoteId }), Note),
  'cards.archive': method(z.object({ id: NoteId, archived: z.boolean() }), Note),
} as const
