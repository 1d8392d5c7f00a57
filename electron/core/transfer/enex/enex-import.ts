import { open, readFile, rm, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/attachment'
import { ImportFault, type SourceContext } from '../import/source'
import { EnexLinkResolver, hasNoteLinks } from './enex-links'
import { convertEnexNote, type StoreAttachment } from './enex-note'
import { readEnex } from './enex-reader'
import { blankEnexNote, EnexFault, type EnexNote } from './enex-types'

/** A single note's ENML is held in memory to convert it; beyond this it is refused, not read. */
export const MAX_NOTE_CHARS = 32 * 1024 * 1024

const describe = (n: EnexNote) =>
  `note ${n.index} (line ${n.line})${n.title ? ` "${n.title.slice(0, 80)}"` : ''}`

/** Imports an ENEX export, one note at a time, into ctx. */
export async function importEnex(path: string, ctx: SourceContext, store: StoreAttachment): Promise<void> {
  if (await isBareEnml(path)) return importBareEnml(path, ctx, store)
  const links = new EnexLinkResolver()
  const resolveLinks = () =>
    links.finish(
      (id, change) => ctx.rewrite(id, change),
      (item, message) => ctx.warn(item, message),
    )
  const onNote = async (note: EnexNote) => {
    const label = describe(note)
    if (note.refused) return ctx.skip(label, note.refused)
    try {
      const { draft, warnings } = await convertEnexNote(note, store, ctx.now())
      for (const w of warnings) ctx.warn(label, w)
      const id = await ctx.write(draft, label)
      links.add({
        id,
        title: draft.title,
        guid: note.guid?.toLowerCase() ?? null,
        linksNotes: hasNoteLinks(draft.doc.content),
      })
    } catch (error) {
      ctx.skip(label, error instanceof Error ? error.message : String(error))
    } finally {
      // Decoded resources are in the store (or refused) now; a several-GB export must not pile them up in temp.
      for (const r of note.resources) await rm(r.tempPath, { force: true })
    }
  }
  try {
    await readEnex(
      path,
      {
        tempDir: ctx.tempDir,
        maxAttachmentBytes: MAX_ATTACHMENT_BYTES,
        maxContentChars: MAX_NOTE_CHARS,
        signal: ctx.signal,
        onBytes: (b) => ctx.bytes(b),
        onWarning: (message) => ctx.warn('file', message),
      },
      onNote,
    )
  } catch (error) {
    if (!(error instanceof EnexFault)) throw error
    // The notes read before the fault stay (unless the user asked for a rollback): their links are resolved too.
    await resolveLinks()
    throw new ImportFault(error.message, error.line, error.column)
  }
  await resolveLinks()
}

/**
 * Some tools (and Joplin's test files) save one note's ENML alone, without the <en-export> wrapper.
 * Such a file is one note, named after the file.
 */
async function isBareEnml(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const head = Buffer.alloc(4096)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    const text = head.subarray(0, bytesRead).toString('utf8')
    const root = /<([A-Za-z][\w.-]*)/.exec(
      text.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/gi, ''),
    )
    return root?.[1] === 'en-note'
  } finally {
    await handle.close()
  }
}

async function importBareEnml(path: string, ctx: SourceContext, store: StoreAttachment): Promise<void> {
  const { size } = await stat(path)
  const title = basename(path).replace(/\.[^.]+$/, '')
  if (size > MAX_NOTE_CHARS) return ctx.skip(`"${title}"`, 'the note is too large to import')
  const note = blankEnexNote(1, 1, { title, content: await readFile(path, 'utf8') })
  const { draft, warnings } = await convertEnexNote(note, store, ctx.now())
  for (const w of warnings) ctx.warn(`"${title}"`, w)
  ctx.bytes(size)
  if (!draft.doc.content?.length) throw new ImportFault('the file holds no note')
  try {
    await ctx.write(draft, `"${title}"`)
  } catch (error) {
    // Refused by the model (a note past DOC_LIMITS, say): reported like any note of an export that cannot be kept.
    ctx.skip(`"${title}"`, error instanceof Error ? error.message : String(error))
  }
}
