import type { Note } from '../../shared/model'
import type { MailReply } from '../../shared/mail-ref'
import { wallAt } from '../../shared/followups/zone'
import { markDone, pendingFollowUp, type EngineContext } from '../followups/engine'
import type { MailHeaders } from './headers'
import { sentNoteId } from './note-ids'
import { isOwn, type Identity } from './tracking-rules'

/**
 * Replies close follow-ups. A message answers a tracked one when its In-Reply-To or References name the
 * tracked Message-ID (which names the note: ids are derived from it), or when Gmail puts it in the same
 * thread. Whoever writes it counts (the recipient or a third person on the thread), except the user:
 * the user's own nudge in the thread is not an answer.
 */
export function replyCandidates(h: MailHeaders, threadNote: string | undefined, me: Identity): string[] {
  if (h.from && isOwn(h.from.address, me)) return []
  const ids = [...h.inReplyTo, ...[...h.references].reverse()]
  const notes = new Set(ids.map(sentNoteId))
  if (threadNote) notes.add(threadNote)
  // A message that names itself is a copy of the tracked message, not an answer to it.
  if (h.messageId) notes.delete(sentNoteId(h.messageId))
  return [...notes]
}

const pad = (n: number) => String(n).padStart(2, '0')

/** "Replied by Kim Minsu, 2026-12-07 10:12" in the user's zone, as the note's history records it. */
export function repliedByText(reply: Pick<MailReply, 'name' | 'address' | 'at'>, timeZone: string): string {
  const w = wallAt(new Date(reply.at), timeZone)
  const when = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`
  return `Replied by ${reply.name.trim() || reply.address}, ${when}`
}

/**
 * The note once a reply came. The first reply is recorded (a second changes nothing, so a message seen
 * twice is applied once). The follow-up is marked done only if it is still the one the tracker set:
 * one the user snoozed, rescheduled, logged, finished or cleared stays the user's, with the reply shown.
 */
export function withReply(note: Note, reply: Omit<MailReply, 'closedFollowUp'>, ctx: EngineContext): Note {
  const mail = note.mail
  if (!mail || mail.kind !== 'sent' || mail.reply) return note
  const f = pendingFollowUp(note)
  const untouched =
    f !== null &&
    f.attempt === 1 &&
    mail.trackedDueAt !== null &&
    Date.parse(f.dueAt) === Date.parse(mail.trackedDueAt)
  const next: Note = { ...note, mail: { ...mail, reply: { ...reply, closedFollowUp: untouched } } }
  return untouched ? markDone(next, ctx, repliedByText(reply, ctx.timeZone)) : next
}
