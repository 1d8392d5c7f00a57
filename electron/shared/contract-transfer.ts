import { z } from 'zod'
import { method } from './contract-method'
import { MAX_ATTACHMENT_BASE64 } from './domain/attachment'
import { NoteId, NotebookId } from './model'

/** One import batch may carry up to twice the single-attachment limit (Markdown plus its pictures). */
export const MAX_IMPORT_BASE64 = MAX_ATTACHMENT_BASE64 * 2

const ImportFile = z.object({
  /** Relative path inside what was picked or dropped, e.g. "Notes/week 1.md"; links resolve against it. */
  path: z.string().min(1).max(1024),
  data: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
})

export const transferContract = {
  /**
   * Exports a note or a notebook. Where the host can ask for a folder (Electron), the files are written
   * there; otherwise (the browser preview) a zip comes back for the page to download.
   */
  'transfer.export': method(
    z
      .object({
        format: z.enum(['markdown', 'html']),
        noteId: NoteId.optional(),
        notebookId: NotebookId.optional(),
      })
      .refine(
        (v) => (v.noteId === undefined) !== (v.notebookId === undefined),
        'give either noteId or notebookId',
      ),
    z.object({
      outcome: z.enum(['saved', 'cancelled', 'download']),
      count: z.number().int(),
      folder: z.string().optional(),
      fileName: z.string().optional(),
      data: z.string().optional(),
    }),
  ),
  /** Imports Markdown files (a folder's worth, or a Tickler export .zip) into a notebook, Inbox by default. */
  'transfer.import': method(
    z.object({
      notebookId: NotebookId.optional(),
      files: z
        .array(ImportFile)
        .min(1, 'pick at least one file')
        .max(10_000)
        .refine(
          (files) => files.reduce((n, f) => n + f.data.length, 0) <= MAX_IMPORT_BASE64,
          'the files together are larger than 100 MB; import them in parts',
        ),
    }),
    z.object({
      imported: z.array(z.object({ id: NoteId, title: z.string() })),
      attachments: z.number().int(),
      skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
      /** Files that imported with something left out (a front matter value that could not be read). */
      warnings: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  ),
} as const
