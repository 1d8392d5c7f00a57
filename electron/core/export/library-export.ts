import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { attachmentsIn, type AttachmentRef } from '../../shared/attachment'
import { TicklerError } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import { ATTACHMENT_FOLDER } from '../transfer/export'
import { NamePool, safeFileName } from '../transfer/file-names'
import { docToMarkdown } from '../transfer/markdown-export'
import type { Library } from '../types'
import { frontMatter } from './front-matter'

export interface LibraryExportResult {
  notebooks: number
  notes: number
  attachments: number
  folder: string
}

/**
 * The whole library as Markdown: a folder per notebook, a .md per note (front matter + the body from the
 * transfer feature's serializer), and each notebook's attachments in an attachments/ folder beside its
 * notes. Written note by note, so a large library never sits in memory. Trashed notes are left out.
 * The target must be empty (or new): an export never overwrites files.
 */
export async function exportLibraryMarkdown(library: Library, target: string): Promise<LibraryExportResult> {
  await mkdir(target, { recursive: true })
  if ((await readdir(target)).length)
    throw new TicklerError('CONFLICT', 'Export into an empty folder; this one already has files in it.')
  const store = new AttachmentStore(library.dataDir)
  const folders = new NamePool()
  const result: LibraryExportResult = { notebooks: 0, notes: 0, attachments: 0, folder: target }
  for (const notebook of library.listNotebooks()) {
    const summaries = library.listNotes({ notebookId: notebook.id }).filter((s) => !s.trashedAt)
    if (!summaries.length) continue
    const dir = join(target, folders.take(safeFileName(notebook.name, 'Notebook'), ''))
    await mkdir(dir)
    result.notebooks++
    const names = new NamePool()
    const attachments = new Map<string, AttachmentRef>()
    for (const s of summaries) {
      const note = await library.getNote(s.id)
      attachmentsIn(note.doc.content, attachments)
      const body = docToMarkdown(
        note.doc,
        { attachmentHref: (ref) => `${ATTACHMENT_FOLDER}/${ref.file}` },
        note.title,
      )
      await writeFile(
        join(dir, names.take(safeFileName(note.title), '.md')),
        frontMatter(note, notebook.name) + body,
        { flag: 'wx' },
      )
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
