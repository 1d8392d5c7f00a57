import type { DocNodeT, NoteDoc } from '../../shared/model'
import type { ImportedNoteInput, Library } from '../types'
import type { NoteMeta } from './front-matter'

/**
 * The note a Markdown file becomes: what its front matter says where it says it, else what its body and
 * file name say, stamped now. A file Tickler exported carries its title twice (front matter and a leading
 * `# Title`); the heading is dropped only when it repeats the title, so a different heading is kept.
 */
interface ParsedFile {
  meta: NoteMeta
  /** The text of a leading `# heading`, and that heading, which markdownToDoc took off the document. */
  title: string | undefined
  heading?: DocNodeT
  doc: NoteDoc
}

/** The document, with its leading heading put back unless it is the note's title. */
export function importedDoc({ meta, title, heading, doc }: ParsedFile): NoteDoc {
  const keepHeading = heading && meta.title !== undefined && title !== meta.title
  return keepHeading ? { ...doc, content: [heading, ...(doc.content ?? [])] } : doc
}

export function importedNote(
  parsed: ParsedFile,
  fileName: string,
  notebookId: string,
  now: string,
): ImportedNoteInput {
  const { meta } = parsed
  const createdAt = meta.createdAt ?? now
  return {
    title: (meta.title ?? parsed.title ?? fileName).slice(0, 500),
    doc: importedDoc(parsed),
    notebookId,
    tags: meta.tags ?? [],
    createdAt,
    updatedAt: meta.updatedAt ?? createdAt,
    followUp: meta.followUp ?? null,
    doneAt: meta.doneAt ?? null,
    archivedAt: meta.archivedAt ?? null,
    history: [],
    board: null,
  }
}

/** Finds a notebook by name (as people write it, any case) or makes it, once per import. */
export function notebookByName(library: Library): (name: string) => Promise<string> {
  const made = new Map<string, Promise<string>>()
  return (name) => {
    const key = name.trim().toLocaleLowerCase()
    const known = library.listNotebooks().find((nb) => nb.name.toLocaleLowerCase() === key)
    if (known) return Promise.resolve(known.id)
    let pending = made.get(key)
    if (!pending) made.set(key, (pending = library.createNotebook(name).then((nb) => nb.id)))
    return pending
  }
}
