import { createHash } from 'node:crypto'

/**
 * Notes made from mail get ids derived from the message, not random ones. The same message seen twice
 * (its Sent copy and its Bcc copy, a catch-up after a lost connection, a second device on a synced
 * library, a crash between writing the note and saving the folder position) then names the same note,
 * and is never made into two. Message-IDs are unique by design (RFC 5322); a message without one is
 * named by where it sits on the server.
 */
const hashId = (prefix: string, key: string): string =>
  `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`

export const sentNoteId = (messageId: string): string => hashId('mail', messageId)

export const filedNoteId = (messageId: string): string => hashId('filed', messageId)

export interface ServerPosition {
  accountId: string
  folder: string
  uidValidity: string
  uid: number
}

/** For a message with no Message-ID: its account, folder and UID under that UIDVALIDITY. */
export const positionNoteId = (kind: 'mail' | 'filed', p: ServerPosition): string =>
  hashId(kind, `${p.accountId}\n${p.folder}\n${p.uidValidity}\n${p.uid}`)
