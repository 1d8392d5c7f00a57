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

/** One upload chunk: 1 MiB of file bytes, base64-encoded. Big enough to be quick, small enough for one IPC/HTTP message. */
export const IMPORT_CHUNK_BYTES = 1024 * 1024
const MAX_CHUNK_BASE64 = Math.ceil(IMPORT_CHUNK_BYTES / 3) * 4
/** Evernote exports run to several gigabytes; past this the import is surely a mistake. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 ** 3

export const UploadId = z.string().regex(/^[a-f0-9]{16,64}$/, 'is not an upload id')

export const ImportProgressSchema = z.object({
  jobId: z.string(),
  file: z.string(),
  bytesRead: z.number(),
  bytesTotal: z.number(),
  imported: z.number().int(),
  skipped: z.number().int(),
})

const Item = z.object({ item: z.string(), reason: z.string() })

export const ImportSummarySchema = z.object({
  jobId: z.string(),
  file: z.string(),
  format: z.enum(['enex', 'trello']),
  status: z.enum(['done', 'failed', 'cancelled', 'already-imported']),
  notebook: z.object({ id: z.string(), name: z.string() }).nullable(),
  board: z.object({ id: z.string(), name: z.string() }).nullable(),
  imported: z.number().int(),
  noteIds: z.array(z.string()),
  skipped: z.array(Item),
  warnings: z.array(z.object({ item: z.string(), message: z.string() })),
  fault: z
    .object({ message: z.string(), line: z.number().nullable(), column: z.number().nullable() })
    .nullable(),
  rolledBack: z.number().int(),
  previouslyImportedAt: z.string().nullable(),
  resumedAfter: z.number().int(),
  ms: z.number(),
})

/**
 * Moving notes in and out of Tickler, one namespace for every format. Export writes Markdown or HTML;
 * importMarkdown takes Markdown files (or a Tickler export zip) in one call. Evernote (.enex) and Trello
 * (.json) files can run to gigabytes, so the page never names a path on disk: it uploads the file's bytes
 * in chunks (importBegin, importChunk; or the app menu registers a file the user picked in a dialog), then
 * starts the import by upload id. Progress arrives as the 'transfer.importProgress' event; importStart
 * resolves with the summary.
 */
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
  'transfer.importMarkdown': method(
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
  /** Evernote/Trello, step one: announce a file of this name and size; chunks follow under the upload id. */
  'transfer.importBegin': method(
    z.object({
      name: z.string().min(1).max(255),
      size: z.number().int().nonnegative().max(MAX_IMPORT_FILE_BYTES, 'the file is larger than 64 GB'),
    }),
    z.object({ uploadId: UploadId }),
  ),
  'transfer.importChunk': method(
    z.object({
      uploadId: UploadId,
      /** Where this chunk starts; chunks must come in order, so a lost one is noticed rather than leaving a hole. */
      offset: z.number().int().nonnegative(),
      data: z
        .string()
        .max(MAX_CHUNK_BASE64, 'a chunk is at most 1 MiB')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    }),
    z.object({ received: z.number().int() }),
  ),
  'transfer.importStart': method(
    z.object({
      uploadId: UploadId,
      notebook: z.string().trim().min(1).max(200).optional(),
      allowDuplicate: z.boolean().optional(),
      onFault: z.enum(['keep', 'rollback']).optional(),
    }),
    ImportSummarySchema,
  ),
  'transfer.importCancel': method(z.object({ uploadId: UploadId }), z.object({ cancelled: z.boolean() })),
  /**
   * Imports a crash stopped, as the library found them at open: rolled back (started with "remove what
   * it imported"), or kept and resumable by importing the same file again (listed until that is done).
   */
  'transfer.importInterrupted': method(
    z.object({}),
    z.array(
      z.object({
        file: z.string(),
        notes: z.number().int(),
        outcome: z.enum(['rolled-back', 'resumable', 'finished']),
        startedAt: z.string(),
      }),
    ),
  ),
  /** Forgets an upload the user decided not to import (e.g. after "already imported"). */
  'transfer.importDiscard': method(z.object({ uploadId: UploadId }), z.object({ discarded: z.boolean() })),
} as const

export const transferEvents = {
  'transfer.importProgress': ImportProgressSchema,
  /** Files picked in the app menu's File > Import dialog (or dropped on the dock icon), ready to start. */
  'transfer.importOpened': z.object({ uploads: z.array(z.object({ uploadId: UploadId, name: z.string() })) }),
} as const
