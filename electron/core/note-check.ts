import { Note } from '../shared/model'
import { TicklerError, describeZodError } from '../shared/rpc'

/**
 * Every note the library writes passes the schema it is read back with (DOC_LIMITS included), and the
 * contract's notes.update input is built from the same schema: nothing Tickler wrote is refused when
 * it is saved again, and nothing too deep or too big for the editor reaches a note file, whoever asked.
 */
export function checkNote(note: Note): void {
  const checked = Note.safeParse(note)
  if (!checked.success)
    throw new TicklerError('BAD_INPUT', `The note cannot be saved: ${describeZodError(checked.error)}.`)
}
