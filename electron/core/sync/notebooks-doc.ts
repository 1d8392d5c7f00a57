import type * as Y from 'yjs'
import { INBOX_ID, Notebook } from '../../shared/model'
import { TicklerError } from '../../shared/rpc'
import type { Library } from '../types'

/**
 * The library's notebooks as one library-level Y.Doc: a map id → { name, createdAt }. A notebook is the
 * same notebook (same id) on every device; a rename merges per notebook, last writer wins. Boards,
 * saved searches and follow-up standards get docs of their own the same way (guids start with "@" so
 * they never clash with a note id).
 */
export const NOTEBOOKS_GUID = '@notebooks'
const ENTRIES = 'notebooks'

const entriesOf = (doc: Y.Doc) => doc.getMap<unknown>(ENTRIES)

/** The notebooks the doc holds; an entry that does not validate (another device's bug) is left out. */
export function readNotebooks(doc: Y.Doc): Notebook[] {
  const out: Notebook[] = []
  for (const [id, value] of entriesOf(doc)) {
    const parsed = Notebook.safeParse({ ...(value as object), id })
    if (parsed.success) out.push(parsed.data)
  }
  return out.sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * Records this device's notebooks into the doc: only what differs from what the doc already says.
 * `addOnly` (the first time, after the folder's state arrived): the folder's notebooks are kept as they are.
 */
export function absorbNotebooks(doc: Y.Doc, notebooks: Notebook[], addOnly = false): void {
  const entries = entriesOf(doc)
  const had = new Map(readNotebooks(doc).map((nb) => [nb.id, nb]))
  doc.transact(() => {
    // Every library has its own Inbox, which can be neither renamed nor removed: nothing to agree on.
    for (const nb of notebooks.filter((n) => n.id !== INBOX_ID)) {
      const old = had.get(nb.id)
      if (!old || (!addOnly && old.name !== nb.name))
        entries.set(nb.id, { name: nb.name, createdAt: nb.createdAt })
      had.delete(nb.id)
    }
    if (!addOnly) for (const id of had.keys()) entries.delete(id)
  })
}

/** "Work", then "Work (2)", … while the name is taken by a different notebook on this device. */
async function withFreeName<T>(name: string, write: (name: string) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await write(n === 1 ? name : `${name} (${n})`)
    } catch (error) {
      if (!(error instanceof TicklerError) || error.code !== 'CONFLICT' || n >= 50) throw error
    }
  }
}

/**
 * Makes the library's notebooks what the doc says. Two devices that each made a "Work" keep both (the
 * second as "Work (2)", which then travels as a rename). A notebook still holding notes here is not
 * removed: the next pass records it again, so no note is ever left in a notebook that does not exist.
 */
export async function applyNotebooks(lib: Library, doc: Y.Doc): Promise<void> {
  const wanted = readNotebooks(doc)
  const have = new Map(lib.listNotebooks().map((nb) => [nb.id, nb]))
  have.delete(INBOX_ID)
  for (const nb of wanted.filter((n) => n.id !== INBOX_ID)) {
    const local = have.get(nb.id)
    have.delete(nb.id)
    if (!local) await withFreeName(nb.name, (name) => lib.createNotebook(name, nb))
    else if (local.name !== nb.name) await withFreeName(nb.name, (name) => lib.renameNotebook(nb.id, name))
  }
  for (const id of have.keys()) await lib.removeNotebook(id).catch(() => undefined)
}
