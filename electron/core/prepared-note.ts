import type { Note, NoteSummary } from '../shared/model'
import { TicklerError } from '../shared/rpc'
import { checkNote } from './note-check'
import { fileText, summaryWithLinks } from './note-files'

/**
 * A note checked against the schema and turned into its file's text in one step, so a bulk writer (an
 * import) can check each note as it is read, skip one the library refuses on its own, and have the
 * library write the batch later without checking or serialising anything twice. What reaches the disk
 * is the text made here, so a change to the note object afterwards cannot slip past the check.
 */
export interface PreparedNote {
  readonly note: Note
  readonly text: string
  readonly summary: NoteSummary
}

/** Only objects made by prepareNote are written as prepared: a hand-made one would skip the check. */
const made = new WeakSet<PreparedNote>()

/** Checks the note (throws BAD_INPUT as checkNote does) and serialises it. */
export function prepareNote(note: Note): PreparedNote {
  checkNote(note)
  const prepared = Object.freeze({ note, text: fileText(note), summary: summaryWithLinks(note) })
  made.add(prepared)
  return prepared
}

export function requirePrepared(prepared: PreparedNote): void {
  if (!made.has(prepared)) throw new TicklerError('INTERNAL', 'Only a note the library prepared can be written so.')
}

/** An import never overwrites a note: an id already in the library, or twice in the batch, is refused. */
export function requireNewIds(notes: Note[], exists: (id: string) => boolean): void {
  const taken = new Set<string>()
  for (const { id } of notes) {
    if (taken.has(id) || exists(id))
      throw new TicklerError('CONFLICT', `A note with id ${id} already exists; an import never overwrites one.`)
    taken.add(id)
  }
}
