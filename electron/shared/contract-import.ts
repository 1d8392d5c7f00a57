import { z } from 'zod'
import { method } from './contract-method'

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
 * Evernote (.enex) and Trello (.json) import. The page never names a path on disk: it uploads the file's
 * bytes in chunks (or the app menu registers a file the user picked in a dialog), then starts the import
 * by upload id. Progress arrives as the 'import.progress' event; start resolves with the summary.
 */
export const importContract = {
  'import.begin': method(
    z.object({
      name: z.string().min(1).max(255),
      size: z.number().int().nonnegative().max(MAX_IMPORT_FILE_BYTES, 'the file is larger than 64 GB'),
    }),
    z.object({ uploadId: UploadId }),
  ),
  'import.chunk': method(
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
  'import.start': method(
    z.object({
      uploadId: UploadId,
      notebook: z.string().trim().min(1).max(200).optional(),
      allowDuplicate: z.boolean().optional(),
      onFault: z.enum(['keep', 'rollback']).optional(),
    }),
    ImportSummarySchema,
  ),
  'import.cancel': method(z.object({ uploadId: UploadId }), z.object({ cancelled: z.boolean() })),
  /**
   * Imports a crash stopped, as the library found them at open: rolled back (started with "remove what
   * it imported"), or kept and resumable by importing the same file again (listed until that is done).
   */
  'import.interrupted': method(
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
  'import.discard': method(z.object({ uploadId: UploadId }), z.object({ discarded: z.boolean() })),
} as const

export const importEvents = {
  'import.progress': ImportProgressSchema,
  /** Files picked in the app menu's File > Import dialog (or dropped on the dock icon), ready to start. */
  'import.opened': z.object({ uploads: z.array(z.object({ uploadId: UploadId, name: z.string() })) }),
} as const
