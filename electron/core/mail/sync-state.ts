import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { z } from 'zod'
import { MailErrorKind, MailSkipped } from '../../shared/contract-mail'
import { isoTimeSchema } from '../../shared/model'
import { openSmallDoc } from '../small-doc'
import { mailDirOf } from './accounts'

/**
 * mail/state/<account>.json: how far each folder has been read. A folder's position is its last UID
 * under its UIDVALIDITY; when the server reports another UIDVALIDITY the UIDs mean other messages, so
 * the folder is read again from the account's start date (notes have ids derived from the message,
 * so nothing is made twice). Written after every batch, so a crash re-reads at most one batch.
 */
export const FolderRole = z.enum(['sent', 'inbox', 'tickler'])
export type FolderRole = z.infer<typeof FolderRole>

export const FolderCursor = z.object({
  path: z.string().max(1000),
  uidValidity: z.string().max(30),
  lastUid: z.number().int().nonnegative(),
  highestModseq: z.string().max(30).nullable(),
})
export type FolderCursor = z.infer<typeof FolderCursor>

const STATE_SCHEMA_VERSION = 1
const MAX_SKIPPED = 20
const MAX_THREADS = 5000

const StateDoc = z.object({
  schemaVersion: z.literal(STATE_SCHEMA_VERSION),
  cursors: z.partialRecord(FolderRole, FolderCursor),
  /** Gmail thread id → the note tracking a message of that thread (replies without References). */
  threads: z.record(z.string(), z.string()),
  skipped: z.array(MailSkipped).max(MAX_SKIPPED),
  counts: z.object({ tracked: z.number().int(), replies: z.number().int(), filed: z.number().int() }),
  lastCheckedAt: isoTimeSchema.nullable(),
  lastError: z.object({ kind: MailErrorKind, message: z.string(), at: isoTimeSchema }).nullable(),
})
export type StateDoc = z.infer<typeof StateDoc>

const fresh = (): StateDoc => ({
  schemaVersion: STATE_SCHEMA_VERSION,
  cursors: {},
  threads: {},
  skipped: [],
  counts: { tracked: 0, replies: 0, filed: 0 },
  lastCheckedAt: null,
  lastError: null,
})

const stateDirOf = (dataDir: string) => join(mailDirOf(dataDir), 'state')

export class SyncState {
  private constructor(
    private readonly db: Low<StateDoc>,
    private readonly readOnly: boolean,
  ) {}

  static async open(dataDir: string, accountId: string, readOnly: boolean): Promise<SyncState> {
    const dir = stateDirOf(dataDir)
    if (!readOnly) await mkdir(dir, { recursive: true })
    // A damaged state file is moved aside and the folders are read again: notes cannot double.
    const { db } = await openSmallDoc(dir, `${accountId}.json`, StateDoc, fresh, readOnly)
    return new SyncState(db, readOnly)
  }

  static async remove(dataDir: string, accountId: string): Promise<void> {
    await rm(join(stateDirOf(dataDir), `${accountId}.json`), { force: true })
  }

  get data(): Readonly<StateDoc> {
    return this.db.data
  }

  cursor(role: FolderRole): FolderCursor | undefined {
    return this.db.data.cursors[role]
  }

  async update(change: (doc: StateDoc) => void): Promise<void> {
    change(this.db.data)
    const threads = Object.keys(this.db.data.threads)
    if (threads.length > MAX_THREADS) {
      for (const key of threads.slice(0, threads.length - MAX_THREADS)) delete this.db.data.threads[key]
    }
    this.db.data.skipped = this.db.data.skipped.slice(-MAX_SKIPPED)
    // The CLI's read commands show the state; only a writer saves it.
    if (!this.readOnly) await this.db.write()
  }
}
