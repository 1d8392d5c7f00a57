import type { ImapFlow } from 'imapflow'
import { HEADER_FIELDS, parseHeaders } from './headers'
import type { FolderRole, SyncState } from './sync-state'
import type { IncomingMessage } from './tracker'

/**
 * Reads what is new in the folder a client has open: UIDs above the saved position (or, the first time
 * and after a UIDVALIDITY change, everything since the account's start date), in batches. Only header
 * fields are fetched here; the handler downloads a body only for a message it tracks or files. The
 * position is saved after each batch, once its messages are handled, so a lost connection re-reads at
 * most one batch and never skips one.
 */
export const BATCH = 200

export interface ScanResult {
  seen: number
}

const toDate = (v: Date | string | undefined): Date | null => {
  if (v === undefined) return null
  const d = v instanceof Date ? v : new Date(v)
  return Number.isNaN(d.getTime()) ? null : d
}

export async function scanFolder(
  client: ImapFlow,
  role: FolderRole,
  state: SyncState,
  since: Date,
  handle: (m: IncomingMessage) => Promise<void>,
  batchSize = BATCH,
): Promise<ScanResult> {
  const box = client.mailbox
  if (!box) throw new Error('no folder is open')
  const uidValidity = String(box.uidValidity)
  const cursor = state.cursor(role)
  const valid = cursor !== undefined && cursor.uidValidity === uidValidity && cursor.path === box.path
  const last = valid ? cursor.lastUid : 0
  const highestModseq = box.highestModseq !== undefined ? String(box.highestModseq) : null
  // Known when the folder was opened; anything newer has a higher UID and is read by the next scan.
  const uidNextAtStart = box.uidNext
  const found = valid
    ? await client.search({ uid: `${last + 1}:*` }, { uid: true })
    : await client.search({ since }, { uid: true })
  if (found === false || found === undefined) throw new Error(`searching ${box.path} failed`)
  const uids = found.filter((u) => u > last).sort((a, b) => a - b)
  let seen = 0
  for (let i = 0; i < uids.length; i += batchSize) {
    const batch = uids.slice(i, i + batchSize)
    const messages: IncomingMessage[] = []
    // No other command may run while a FETCH streams, so the batch is collected first, then handled.
    for await (const msg of client.fetch(
      batch.join(','),
      { uid: true, headers: HEADER_FIELDS, internalDate: true, size: true, threadId: true },
      { uid: true },
    )) {
      messages.push({
        uid: msg.uid,
        folder: box.path,
        uidValidity,
        headers: parseHeaders(msg.headers ?? Buffer.alloc(0)),
        threadId: msg.threadId ?? null,
        internalDate: toDate(msg.internalDate),
        size: msg.size ?? 0,
      })
    }
    messages.sort((a, b) => a.uid - b.uid)
    for (const m of messages) await handle(m)
    seen += messages.length
    const lastUid = batch[batch.length - 1]!
    await state.update((doc) => {
      doc.cursors[role] = { path: box.path, uidValidity, lastUid, highestModseq }
    })
  }
  if (!valid) {
    // A first scan starts from what exists now: older messages it did not read are before the start date.
    const lastUid = Math.max(uids.at(-1) ?? 0, uidNextAtStart - 1)
    await state.update((doc) => {
      doc.cursors[role] = { path: box.path, uidValidity, lastUid, highestModseq }
    })
  }
  return { seen }
}
