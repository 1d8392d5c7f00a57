import { contract } from '../../shared/contract'
import type { DocNodeT, Note, NoteDoc } from '../../shared/model'

/** A document `levels` lists deep (each list is two node levels: list, item), built without recursion. */
export function nestedLists(levels: number): NoteDoc {
  let inner: DocNodeT = { type: 'paragraph', content: [{ type: 'text', text: 'deepest' }] }
  for (let i = 0; i < levels; i++)
    inner = { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }, inner] }] }
  return { type: 'doc', content: [inner] }
}

/** The JSON of a document of `levels` nested quotes, built as text: a million levels never exist as objects here. */
export const nestedJson = (levels: number): string =>
  `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(levels)}{"type":"paragraph"}${']}'.repeat(levels)}]}`

/** Whether the contract takes a note back as the editor saves it unchanged (notes.update). */
export const savesBack = (note: Note): boolean =>
  contract['notes.update'].input.safeParse({ id: note.id, title: note.title, doc: note.doc, tags: note.tags }).success
