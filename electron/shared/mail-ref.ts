import { z } from 'zod'

/**
 * What a note made from mail remembers of the message: enough to link back to it (Message-ID, account,
 * folder), to match replies (Message-ID, thread id) and to tell a follow-up the user moved by hand from
 * the one the tracker set (trackedDueAt). Kept in the note's file but never synced: it names this
 * computer's mail account, so each computer that tracks the message keeps its own (see LOCAL_ONLY in
 * core/sync/library-writer.ts); the note, its follow-up and the Done a reply makes do travel.
 */
const isoTime = z.iso.datetime({ offset: true })
const accountId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const MailAddress = z.object({
  name: z.string().max(300),
  address: z.string().max(320),
})
export type MailAddress = z.infer<typeof MailAddress>

export const MailReply = z.object({
  name: z.string().max(300),
  address: z.string().max(320),
  /** When the reply was written (its Date header, else when the server received it). */
  at: isoTime,
  messageId: z.string().max(998).nullable(),
  /** False when the follow-up had been moved by the user: the reply is recorded, the follow-up left alone. */
  closedFollowUp: z.boolean(),
})
export type MailReply = z.infer<typeof MailReply>

export const MailRef = z.object({
  /** sent: a message the user sent and Tickler tracks; filed: a message moved into the Tickler folder. */
  kind: z.enum(['sent', 'filed']),
  accountId,
  /** With its angle brackets, as in the header; null when the message had none. */
  messageId: z.string().max(998).nullable(),
  /** Gmail's X-GM-THRID (or OBJECTID THREADID) where the server offers one. */
  threadId: z.string().max(200).nullable(),
  folder: z.string().max(1000),
  from: MailAddress.nullable(),
  to: z.array(MailAddress).max(100),
  sentAt: isoTime.nullable(),
  trackedDueAt: isoTime.nullable(),
  reply: MailReply.nullable(),
  /** Sentences for the user about this note: why replies cannot close it, what was left out. */
  remarks: z.array(z.string().max(500)).max(10),
})
export type MailRef = z.infer<typeof MailRef>
