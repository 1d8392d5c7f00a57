import type { Handlers } from '../shared/rpc'
import type { libraryContract } from '../shared/contract-library'
import {
  addTag,
  deleteForever,
  deleteNotebook,
  emptyTrash,
  moveNotes,
  renameTag,
  restoreNotes,
  trashNotes,
} from './library-actions'
import type { Library } from './types'

type LibraryHandlers = Pick<Handlers, keyof typeof libraryContract>

export function createLibraryHandlers(lib: Library): LibraryHandlers {
  const counted = async (work: Promise<number>) => ({ count: await work })
  return {
    'notebooks.rename': ({ id, name }) => lib.renameNotebook(id, name),
    'notebooks.delete': ({ id }) => counted(deleteNotebook(lib, id)),
    'notes.move': ({ ids, notebookId }) => counted(moveNotes(lib, ids, notebookId)),
    'notes.addTag': ({ ids, tag }) => counted(addTag(lib, ids, tag)),
    'notes.trash': ({ ids }) => counted(trashNotes(lib, ids)),
    'notes.restore': ({ ids }) => counted(restoreNotes(lib, ids)),
    'notes.deleteForever': ({ ids }) => counted(deleteForever(lib, ids)),
    'trash.empty': () => counted(emptyTrash(lib)),
    'tags.rename': ({ from, to }) => counted(renameTag(lib, from, to)),
  }
}
