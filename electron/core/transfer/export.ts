import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { attachmentsIn, type AttachmentRef } from '../../shared/attachment'
import type { Note } from '../../shared/model'
import { TicklerError } from '../../shared/rpc'
import type { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { NamePool, safeFileName } from './file-names'
import { noteToHtml } from './html-export'
import { docToMarkdown } from './markdown-export'
import type { ZipEntry } from './zip'

export type ExportFormat = 'markdown' | 'html'
export type ExportScope = { noteId: string } | { notebookId: string }

export const ATTACHMENT_FOLDER = 'attachments'

async function notesIn(library: Library, scope: ExportScope): Promise<{ folder: string; notes: Note[] }> {
  if ('noteId' in scope) {
    const note = await library.getNote(scope.noteId)
    return { folder: safeFileName(note.title), notes: [note] }
  }
  const notebook = library.listNotebooks().find((nb) => nb.id === scope.notebookId)
  if (!notebook) throw new TicklerError('NOT_FOUND', `There is no notebook "${scope.notebookId}".`)
  const summaries = library.listNotes({ notebookId: scope.notebookId }).filter((s) => !s.trashedAt)
  const notes: Note[] = []
  for (const s of summaries) notes.push(await library.getNote(s.id))
  return { folder: safeFileName(notebook.name, 'Notebook'), notes }
}

/**
 * The files of an export, all under one folder named after the note or notebook: one .md or .html per
 * note and an attachments/ folder beside them that the notes link to relatively, so the folder can be
 * moved, zipped or opened anywhere.
 */
export async function buildExport(
  library: Library,
  store: AttachmentStore,
  scope: ExportScope,
  format: ExportFormat,
  lang = 'en',
): Promise<{ folder: string; files: ZipEntry[] }> {
  const { folder, notes } = await notesIn(library, scope)
  const pool = new NamePool()
  const files: ZipEntry[] = []
  const attachments = new Map<string, AttachmentRef>()
  const attachmentHref = (ref: AttachmentRef) => `${ATTACHMENT_FOLDER}/${ref.file}`
  for (const note of notes) {
    attachmentsIn(note.doc.content, attachments)
    const name = pool.take(safeFileName(note.title), format === 'markdown' ? '.md' : '.html')
    const text =
      format === 'markdown'
        ? docToMarkdown(note.doc, { attachmentHref }, note.title)
        : noteToHtml(note.title, note.doc, { attachmentHref, lang })
    files.push({ path: `${folder}/${name}`, data: Buffer.from(text, 'utf8') })
  }
  for (const ref of attachments.values()) {
    // A missing attachment file (deleted by hand, not yet synced) leaves a dangling link, never a failed export.
    const found = await store.resolve(ref.file)
    if ('path' in found)
      files.push({ path: `${folder}/${ATTACHMENT_FOLDER}/${ref.file}`, data: await readFile(found.path) })
  }
  return { folder, files }
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** Writes an export into a chosen folder, next to (never over) anything already there. */
export async function writeExportFolder(target: string, folder: string, files: ZipEntry[]): Promise<string> {
  let root = folder
  for (let n = 2; await exists(join(target, root)); n++) root = `${folder} (${n})`
  for (const file of files) {
    const path = join(target, root, file.path.slice(folder.length + 1))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, file.data, { flag: 'wx' })
  }
  return join(target, root)
}
