export { NoteLink, type NoteLinkOptions } from './extension'
export {
  createNoteDirectory,
  NO_DIRECTORY,
  type LinkableNote,
  type NoteDirectory,
  type UpdatableDirectory,
} from './directory'
export { linkQueryAt, type LinkQuery } from './suggest'
export { NOTE_LINK } from './link-attrs'
