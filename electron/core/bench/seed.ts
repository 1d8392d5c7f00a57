import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { INBOX_ID, NOTE_SCHEMA_VERSION, freshNoteState, type Note } from '../../shared/model'
import { TicklerError } from '../../shared/rpc'
import { openLibrary } from '../library'
import { NoteFiles } from '../note-files'
import { corpus, paragraphsDoc, rng } from './corpus'

/**
 * Seeds the benches' deterministic library (the same `count` and `seed` give the same notes, ids and
 * dates on every machine) by writing note files directly: seeding is not what is measured, and fsyncing
 * 100,000 files would only make it slow. The opens and saves measured afterwards are the real ones.
 * The library is held (its lock) while the files are written, and one that has notes already is refused:
 * seeding never mixes into, or overwrites, someone's notes.
 */
export async function seedLibrary(
  dir: string,
  count: number,
  seed = 42,
  source: Iterable<{ title: string; text: string }> = corpus(count, seed),
): Promise<string[]> {
  const lib = await openLibrary(dir, { holder: 'seed' })
  const ids: string[] = []
  try {
    await lib.reconciled // the folder listing is done before files appear behind it
    if (lib.listNotes().length > 0 || lib.report.corrupt.length > 0) {
      throw new TicklerError('BAD_INPUT', `${dir} already holds notes: seed an empty or new folder.`)
    }
    const files = new NoteFiles(dir)
    const random = rng(seed + 1)
    const start = Date.UTC(2021, 0, 1)
    let i = 0
    for (const { title, text } of source) {
      const id = (i++).toString(16).padStart(16, '0')
      const created = new Date(start + Math.floor(random() * 5 * 365 * 86_400_000)).toISOString()
      const note: Note = {
        schemaVersion: NOTE_SCHEMA_VERSION,
        id,
        title,
        doc: paragraphsDoc(text),
        text,
        notebookId: INBOX_ID,
        tags: [],
        createdAt: created,
        updatedAt: created,
        revision: 1,
        ...freshNoteState(),
      }
      writeFileSync(files.pathOf(id), JSON.stringify(note))
      ids.push(id)
    }
  } finally {
    await lib.close()
  }
  // The notes were written behind the library's back: drop the snapshot it keeps, so the next open
  // rebuilds from every file as a first start would.
  rmSync(join(dir, 'cache'), { recursive: true, force: true })
  return ids
}
