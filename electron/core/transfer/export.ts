import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { attachmentsIn, type AttachmentRef } from '../../shared/domain/attachment'
import type { Note } from '../../shared/model'
import { TicklerError } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { ExportPlan } from './export-plan'
import { NamePool, safeFileName } from './file-names'
import { noteToHtml } from './html-export'
import { noteToMarkdown, type MarkdownOptions } from './markdown-export'
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

const attachmentHref = (ref: AttachmentRef) => `${ATTACHMENT_FOLDER}/${ref.file}`

/** How one exported note points at attachments and at the other notes of the same export. */
function linksFor(library: Library, plan: ExportPlan, note: Note): MarkdownOptions {
  return {
    attachmentHref,
    noteHref: (id) => plan.hrefFrom(note.id, id),
    noteTitle: (id) => library.summaryOf(id)?.title,
  }
}

const notebookNames = (library: Library) => new Map(library.listNotebooks().map((nb) => [nb.id, nb.name]))

/**
 * The files of an export, all under one folder named after the note or notebook: one .md or .html per
 * note and an attachments/ folder beside them that the notes link to relatively, so the folder can be
 * moved, zipped or opened anywhere. Markdown carries front matter (notebook, tags, dates, follow-up);
 * links between exported notes become relative links between their files.
 */
export async function buildExport(
  library: Library,
  store: AttachmentStore,
  scope: ExportScope,
  format: ExportFormat,
  lang = 'en',
): Promise<{ folder: string; files: ZipEntry[] }> {
  const { folder, notes } = await notesIn(library, scope)
  const plan = new ExportPlan(format === 'markdown' ? '.md' : '.html')
  for (const note of notes) plan.add(note.id, note.title, folder)
  const books = notebookNames(library)
  const files: ZipEntry[] = []
  const attachments = new Map<string, AttachmentRef>()
  for (const note of notes) {
    attachmentsIn(note.doc.content, attachments)
    const links = linksFor(library, plan, note)
    const text =
      format === 'markdown'
        ? noteToMarkdown(note, books.get(note.notebookId) ?? note.notebookId, links)
        : noteToHtml(note.title, note.doc, { ...links, lang })
    files.push({ path: plan.pathOf(note.id)!, data: Buffer.from(text, 'utf8') })
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

export interface LibraryExportResult {
  notebooks: number
  notes: number
  attachments: number
  folder: string
}

/**
 * The whole library as Markdown: a folder per notebook, each note as buildExport writes it, and each
 * notebook's attachments in an attachments/ folder beside its notes. Written note by note, so a large
 * library never sits in memory. Trashed notes are left out. The target must be empty (or new): an
 * export never overwrites files.
 */
export async function exportLibraryMarkdown(library: Library, target: string): Promise<LibraryExportResult> {
  await mkdir(target, { recursive: true })
  if ((await readdir(target)).length)
    throw new TicklerError('CONFLICT', 'Export into an empty folder; this one already has files in it.')
  const store = new AttachmentStore(library.dataDir)
  const folders = new NamePool()
  const plan = new ExportPlan('.md')
  const books = library
    .listNotebooks()
    .map((notebook) => ({ notebook, ids: library.listNotes({ notebookId: notebook.id }).filter((s) => !s.trashedAt) }))
    .filter((book) => book.ids.length > 0)
    .map(({ notebook, ids }) => {
      const folder = folders.take(safeFileName(notebook.name, 'Notebook'), '')
      for (const s of ids) plan.add(s.id, s.title, folder)
      return { notebook, folder, ids: ids.map((s) => s.id) }
    })
  const result: LibraryExportResult = { notebooks: 0, notes: 0, attachments: 0, folder: target }
  for (const { notebook, folder, ids } of books) {
    const dir = join(target, folder)
    await mkdir(dir)
    result.notebooks++
    const attachments = new Map<string, AttachmentRef>()
    for (const id of ids) {
      const note = await library.getNote(id)
      attachmentsIn(note.doc.content, attachments)
      const text = noteToMarkdown(note, notebook.name, linksFor(library, plan, note))
      await writeFile(join(target, plan.pathOf(id)!), text, { flag: 'wx' })
      result.notes++
    }
    if (attachments.size) await mkdir(join(dir, ATTACHMENT_FOLDER))
    for (const ref of attachments.values()) {
      // A missing file (deleted by hand, not yet synced) leaves a dangling link, never a failed export.
      const found = await store.resolve(ref.file)
      if (!('path' in found)) continue
      await copyFile(found.path, join(dir, ATTACHMENT_FOLDER, ref.file))
      result.attachments++
    }
  }
  return result
}
