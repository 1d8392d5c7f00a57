import { posix } from 'node:path'
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_LABEL,
  mimeForExtension,
  type AttachmentRef,
} from '../../shared/attachment'
import { TicklerError } from '../../shared/rpc'
import type { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { readFrontMatter } from './front-matter'
import { importedDoc, importedNote, notebookByName } from './import-note'
import { markdownToDoc, type LocalNote } from './markdown-import'
import { readZip, type ZipEntry } from './zip'

export interface ImportResult {
  imported: { id: string; title: string }[]
  attachments: number
  skipped: { path: string; reason: string }[]
  /** Files that imported, but with something in them that could not be used (a front matter date, say). */
  warnings: { path: string; message: string }[]
}

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i

/** Forward slashes, no leading "./" or "/", and null for anything that climbs out with "..". */
function normalise(path: string): string | null {
  const clean = posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/|\/)+/, '')
  return clean.split('/').includes('..') || clean === '.' ? null : clean
}

function expandZips(files: ZipEntry[], skipped: ImportResult['skipped']): ZipEntry[] {
  return files.flatMap((file) => {
    if (!/\.zip$/i.test(file.path)) return [file]
    try {
      return readZip(Buffer.from(file.data))
    } catch (error) {
      skipped.push({ path: file.path, reason: `not a readable zip (${(error as Error).message})` })
      return []
    }
  })
}

/**
 * Imports Markdown files (and a Tickler export's attachments folder, or any pictures they link to).
 * Every file is read and checked before the first note is written, and one bad file is skipped with its
 * reason while the rest still import.
 */
export async function importFiles(
  library: Library,
  store: AttachmentStore,
  input: ZipEntry[],
  notebookId?: string,
): Promise<ImportResult> {
  const skipped: ImportResult['skipped'] = []
  const byPath = new Map<string, ZipEntry>()
  for (const file of expandZips(input, skipped)) {
    const path = normalise(file.path)
    if (path === null) skipped.push({ path: file.path, reason: 'its path leaves the imported folder' })
    else if (!path.split('/').some((part) => part.startsWith('.')))
      byPath.set(path, { path, data: file.data })
  }
  const markdown = [...byPath.values()]
    .filter((f) => MARKDOWN.test(f.path))
    .sort((a, b) => a.path.localeCompare(b.path))
  if (markdown.length === 0) throw new TicklerError('BAD_INPUT', 'There is no Markdown file (.md) to import.')
  if (notebookId && !library.listNotebooks().some((nb) => nb.id === notebookId)) {
    throw new TicklerError('NOT_FOUND', `There is no notebook "${notebookId}".`)
  }

  const stored = new Map<string, AttachmentRef | null>()
  const used = new Set<string>()
  const targetOf = (from: string, href: string): string | null => {
    let decoded: string
    try {
      decoded = decodeURI(href.split(/[?#]/)[0] ?? '')
    } catch {
      return null
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith('/')) return null
    return normalise(posix.join(posix.dirname(from), decoded))
  }
  const storeAsset = async (path: string): Promise<void> => {
    if (stored.has(path)) return
    const file = byPath.get(path)
    if (!file || MARKDOWN.test(path)) return void stored.set(path, null)
    if (file.data.byteLength > MAX_ATTACHMENT_BYTES) {
      skipped.push({ path, reason: `larger than ${MAX_ATTACHMENT_LABEL}, the attachment limit` })
      return void stored.set(path, null)
    }
    const name = posix.basename(path)
    stored.set(path, await store.add(file.data, name, mimeForExtension(name.split('.').pop() ?? '')))
  }

  // Pass one finds the local files each note links to; they are stored, then pass two builds the documents.
  // Links to other imported Markdown files are noted here and become note links once those notes exist.
  const warnings: ImportResult['warnings'] = []
  const parsed = []
  for (const file of markdown) {
    const { meta, body, problems } = readFrontMatter(Buffer.from(file.data).toString('utf8'))
    for (const message of problems) warnings.push({ path: file.path, message })
    const wanted: string[] = []
    const linksNotes = { found: false }
    markdownToDoc(
      body,
      (href) => {
        const target = targetOf(file.path, href)
        if (target) wanted.push(target)
        return undefined
      },
      (href) => {
        const target = targetOf(file.path, href)
        if (target && MARKDOWN.test(target) && byPath.has(target)) linksNotes.found = true
        return undefined
      },
    )
    for (const target of wanted) await storeAsset(target)
    const asset = (href: string) => {
      const target = targetOf(file.path, href)
      const ref = target ? stored.get(target) : undefined
      if (ref && target) used.add(target)
      return ref ?? undefined
    }
    parsed.push({ file, meta, body, asset, linksNotes: linksNotes.found, ...markdownToDoc(body, asset) })
  }

  const imported: ImportResult['imported'] = []
  const notes = new Map<string, { id: string; title: string }>()
  const notebookNamed = notebookByName(library)
  const now = library.now().toISOString()
  for (const entry of parsed) {
    // A notebook the user chose wins; else the one the front matter names; else the Inbox.
    const target = notebookId ?? (entry.meta.notebook ? await notebookNamed(entry.meta.notebook) : 'inbox')
    const name = posix.basename(entry.file.path).replace(MARKDOWN, '')
    const note = await library.importNote(importedNote(entry, name, target, now))
    notes.set(entry.file.path, { id: note.id, title: note.title })
    imported.push({ id: note.id, title: note.title })
  }
  for (const entry of parsed.filter((p) => p.linksNotes)) {
    const localNote: LocalNote = (href) => {
      const target = targetOf(entry.file.path, href)
      return target ? notes.get(target) : undefined
    }
    const doc = importedDoc({ ...entry, ...markdownToDoc(entry.body, entry.asset, localNote) })
    // Finishing what this import wrote, not an edit: the note keeps the dates its file gave it.
    await library.mutateNote(notes.get(entry.file.path)!.id, (note) => ({ ...note, doc }), { touch: false })
  }
  for (const path of byPath.keys()) {
    if (!MARKDOWN.test(path) && !stored.has(path))
      skipped.push({ path, reason: 'not Markdown and no note links to it' })
  }
  return { imported, attachments: used.size, skipped, warnings }
}
