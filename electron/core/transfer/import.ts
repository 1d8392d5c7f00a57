import { posix } from 'node:path'
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_LABEL,
  mimeForExtension,
  type AttachmentRef,
} from '../../shared/domain/attachment'
import { TicklerError } from '../../shared/rpc'
import type { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { DOC_LIMITS, INBOX_ID } from '../../shared/model'
import { readFrontMatter } from './front-matter'
import { importedDoc, importedNote, notebookByName } from './import-note'
import { FLATTENED_WARNING, fitDocDepth } from '../fit-doc'
import { CUT_WARNING, markdownToDoc, type ImportedMarkdown, type LocalNote } from './markdown-import'
import type { ZipEntry } from './zip'
import { listZip, UnzipBudget } from './zip-read'

export interface ImportResult {
  imported: { id: string; title: string }[]
  attachments: number
  skipped: { path: string; reason: string }[]
  /** Files that imported, but with something in them that could not be used (a front matter date, say). */
  warnings: { path: string; message: string }[]
}

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i

/** A converted file brought within DOC_LIMITS.depth, telling warn what that changed. */
function fitted<T extends ImportedMarkdown>(converted: T, warn: (message: string) => void = () => undefined): T {
  if (converted.cut) warn(CUT_WARNING)
  const { doc, flattened } = fitDocDepth(converted.doc)
  if (flattened) warn(FLATTENED_WARNING)
  return { ...converted, doc }
}

/** Forward slashes, no leading "./" or "/", and null for anything that climbs out with "..". */
function normalise(path: string): string | null {
  const clean = posix.normalize(path.replace(/\\/g, '/')).replace(/^(\.\/|\/)+/, '')
  return clean.split('/').includes('..') || clean === '.' ? null : clean
}

/** A file to import, whose bytes are read (for a file in a zip: unpacked) only when the import needs them. */
interface Source {
  path: string
  /** The bytes, or null when there are more than maxBytes. */
  read(maxBytes: number): Promise<Uint8Array | null>
}

const ZIP = /\.zip$/i

/** The budget one import's zips share: it grows with their packed size. */
export const unzipBudgetFor = (files: ZipEntry[]) =>
  new UnzipBudget(files.reduce((n, f) => n + (ZIP.test(f.path) ? f.data.byteLength : 0), 0))

/** The picked files, with each zip replaced by the files it lists; nothing is unpacked yet. */
function expandZips(files: ZipEntry[], skipped: ImportResult['skipped'], budget: UnzipBudget): Source[] {
  return files.flatMap((file): Source[] => {
    if (!ZIP.test(file.path))
      return [{ path: file.path, read: async (max) => (file.data.byteLength > max ? null : file.data) }]
    try {
      const zipName = posix.basename(file.path.replace(/\\/g, '/'))
      return listZip(zipName, Buffer.from(file.data)).map((packed) => ({
        path: packed.path,
        read: (max) => budget.inflate(packed, max),
      }))
    } catch (error) {
      skipped.push({ path: file.path, reason: `not a readable zip (${(error as Error).message})` })
      return []
    }
  })
}

/**
 * Imports Markdown files (and a Tickler export's attachments folder, or any pictures they link to).
 * Every file is read and checked before the first note is written, and one bad file is skipped with its
 * reason while the rest still import. `budget` is given only to watch what unpacking cost.
 */
export async function importFiles(
  library: Library,
  store: AttachmentStore,
  input: ZipEntry[],
  notebookId?: string,
  budget: UnzipBudget = unzipBudgetFor(input),
): Promise<ImportResult> {
  const skipped: ImportResult['skipped'] = []
  const byPath = new Map<string, Source>()
  for (const file of expandZips(input, skipped, budget)) {
    const path = normalise(file.path)
    if (path === null) skipped.push({ path: file.path, reason: 'its path leaves the imported folder' })
    else if (!path.split('/').some((part) => part.startsWith('.'))) byPath.set(path, { ...file, path })
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
    const data = await file.read(MAX_ATTACHMENT_BYTES)
    if (data === null) {
      skipped.push({ path, reason: `larger than ${MAX_ATTACHMENT_LABEL}, the attachment limit` })
      return void stored.set(path, null)
    }
    const name = posix.basename(path)
    stored.set(path, await store.add(data, name, mimeForExtension(name.split('.').pop() ?? '')))
  }

  // Pass one finds the local files each note links to; they are stored, then pass two builds the documents.
  // Links to other imported Markdown files are noted here and become note links once those notes exist.
  const warnings: ImportResult['warnings'] = []
  const parsed = []
  for (const file of markdown) {
    const data = await file.read(DOC_LIMITS.bytes)
    if (data === null) {
      skipped.push({
        path: file.path,
        reason: `larger than ${DOC_LIMITS.label}, the most one note can hold; split it into smaller files`,
      })
      continue
    }
    const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8')
    const { meta, body, problems } = readFrontMatter(text)
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
    const converted = fitted(markdownToDoc(body, asset), (message) => warnings.push({ path: file.path, message }))
    parsed.push({ file, meta, body, asset, linksNotes: linksNotes.found, ...converted })
  }

  const imported: ImportResult['imported'] = []
  const notes = new Map<string, { id: string; title: string }>()
  const notebookNamed = notebookByName(library)
  const now = library.now().toISOString()
  for (const entry of parsed) {
    // A notebook the user chose wins; else the one the front matter names; else the Inbox.
    const target = notebookId ?? (entry.meta.notebook ? await notebookNamed(entry.meta.notebook) : INBOX_ID)
    const name = posix.basename(entry.file.path).replace(MARKDOWN, '')
    let note
    try {
      note = await library.importNote(importedNote(entry, name, target, now))
    } catch (error) {
      // The model refused it (a document past DOC_LIMITS, say): that file is skipped, the rest import.
      if (!(error instanceof TicklerError) || error.code !== 'BAD_INPUT') throw error
      skipped.push({ path: entry.file.path, reason: error.message })
      continue
    }
    notes.set(entry.file.path, { id: note.id, title: note.title })
    imported.push({ id: note.id, title: note.title })
  }
  for (const entry of parsed.filter((p) => p.linksNotes)) {
    const localNote: LocalNote = (href) => {
      const target = targetOf(entry.file.path, href)
      return target ? notes.get(target) : undefined
    }
    const id = notes.get(entry.file.path)?.id
    if (!id) continue
    const doc = importedDoc({ ...entry, ...fitted(markdownToDoc(entry.body, entry.asset, localNote)) })
    // Finishing what this import wrote, not an edit: the note keeps the dates its file gave it.
    await library.mutateNote(id, (note) => ({ ...note, doc }), { touch: false })
  }
  for (const path of byPath.keys()) {
    if (!MARKDOWN.test(path) && !stored.has(path))
      skipped.push({ path, reason: 'not Markdown and no note links to it' })
  }
  return { imported, attachments: used.size, skipped, warnings }
}
