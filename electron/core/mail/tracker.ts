import { INBOX_ID, NOTE_SCHEMA_VERSION, type Note } from '../../shared/model'
import type { MailRef } from '../../shared/mail-ref'
import type { Standard } from '../../shared/followups/standards'
import { textToDoc } from '../../shared/doc-text'
import { toZonedIso } from '../../shared/followups/zone'
import { TicklerError } from '../../shared/rpc'
import { setFollowUp, type EngineContext } from '../followups/engine'
import type { ImportedNoteInput, Library } from '../types'
import type { MailAccount } from './accounts'
import type { MailHeaders } from './headers'
import type { BodyText } from './message-body'
import { positionNoteId, sentNoteId } from './note-ids'
import { replyCandidates, withReply } from './replies'
import type { SyncState } from './sync-state'
import { dueFor, identityOf, recipientsOf, waitingOnLabel, type Identity, type TrackReason } from './tracking-rules'

/** One message as a folder scan hands it over: its headers and where it sits on the server. */
export interface IncomingMessage {
  uid: number
  folder: string
  uidValidity: string
  headers: MailHeaders
  threadId: string | null
  internalDate: Date | null
  size: number
}

export interface TrackerDeps {
  library: Library
  standards: () => Standard[]
  timeZone: () => string
  now: () => Date
}

export const NO_SUBJECT = '(no subject)'

/** Sentences on the note for what a header told us; shared with filing. */
export function headerRemarks(h: MailHeaders, tracked = true): string[] {
  const out: string[] = []
  if (!h.messageId && tracked) {
    out.push('This message has no Message-ID, so replies cannot be matched to it: Tickler will not close this follow-up by itself.')
  }
  if (h.decodedAs) out.push(`Its header was not written in UTF-8 and was read as ${h.decodedAs.toUpperCase()}.`)
  return out
}

/** What a note made from a message has of its own; everything else starts empty. */
export type MailNoteFields = Pick<ImportedNoteInput, 'title' | 'doc' | 'tags' | 'mail'>

/** A complete Inbox note (before it has an id) made from a message, that engine functions can work on. */
export function draftNote(fields: MailNoteFields, at: string): Note {
  return {
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: 'draft',
    text: '',
    revision: 0,
    trashedAt: null,
    createdAt: at,
    updatedAt: at,
    notebookId: INBOX_ID,
    followUp: null,
    doneAt: null,
    archivedAt: null,
    history: [],
    board: null,
    ...fields,
  }
}

/**
 * Imports a note made from a message under the id the message gives it (note-ids.ts), once: 'exists'
 * when an earlier scan, or another device, already made it.
 */
export async function importOnce(library: Library, note: Note, id: string): Promise<'created' | 'exists'> {
  const { schemaVersion: _v, id: _id, text: _t, revision: _r, trashedAt: _tr, ...imported } = note
  try {
    await library.importNote({ ...imported, id })
    return 'created'
  } catch (error) {
    if (error instanceof TicklerError && error.code === 'CONFLICT') return 'exists'
    throw error
  }
}

/**
 * Turns sent messages into notes with a follow-up, and replies into done follow-ups. Every write goes
 * through the library's queue one at a time, so a burst of mail never holds up the user's saves.
 */
export class Tracker {
  readonly me: Identity

  constructor(
    private readonly deps: TrackerDeps,
    private readonly account: MailAccount,
    private readonly state: SyncState,
  ) {
    this.me = identityOf([account.email, account.user])
  }

  ctx(): EngineContext {
    return { now: this.deps.now(), timeZone: this.deps.timeZone(), standards: this.deps.standards() }
  }

  /** Whether a note with this id exists (in the list, or as a file a sync tool just added). */
  async exists(id: string): Promise<boolean> {
    try {
      await this.deps.library.getNote(id)
      return true
    } catch (error) {
      if (error instanceof TicklerError && error.code === 'NOT_FOUND') return false
      throw error
    }
  }

  /** Creates the note for a sent message, once; 'exists' when an earlier scan already made it. */
  async trackSent(
    m: IncomingMessage,
    reason: TrackReason,
    readBody: () => Promise<BodyText>,
  ): Promise<'created' | 'exists'> {
    const h = m.headers
    const id = h.messageId
      ? sentNoteId(h.messageId)
      : positionNoteId('mail', { accountId: this.account.id, ...m })
    if (await this.exists(id)) return 'exists'
    const body = await readBody()
    const ctx = this.ctx()
    const sentAt = h.date ?? m.internalDate ?? ctx.now
    const due = dueFor(reason, sentAt, ctx.standards, ctx.timeZone)
    const people = recipientsOf(h, this.me)
    const remarks = [...headerRemarks(h), ...(due.remark ? [due.remark] : []), ...(body.problem ? [body.problem] : [])]
    const mail: MailRef = {
      kind: 'sent',
      accountId: this.account.id,
      messageId: h.messageId,
      threadId: m.threadId,
      folder: m.folder,
      from: h.from,
      to: people,
      sentAt: toZonedIso(sentAt, ctx.timeZone),
      trackedDueAt: toZonedIso(due.dueAt, ctx.timeZone),
      reply: null,
      remarks,
    }
    const at = ctx.now.toISOString()
    const draft = draftNote(
      { title: (h.subject.trim() || NO_SUBJECT).slice(0, 500), doc: textToDoc(body.text), tags: [], mail },
      at,
    )
    const withFollowUp = setFollowUp(
      draft,
      { dueAt: due.dueAt, waitingOn: waitingOnLabel(people), standard: due.standard },
      ctx,
    )
    if ((await importOnce(this.deps.library, withFollowUp, id)) === 'exists') return 'exists'
    await this.state.update((doc) => {
      doc.counts.tracked++
      if (m.threadId) doc.threads[m.threadId] = id
    })
    return 'created'
  }

  /** Applies a reply to every tracked note it answers; returns how many follow-ups it reached. */
  async applyReply(m: IncomingMessage): Promise<number> {
    const h = m.headers
    const threadNote = m.threadId ? this.state.data.threads[m.threadId] : undefined
    const candidates = replyCandidates(h, threadNote, this.me)
    if (!candidates.length) return 0
    const from = h.from ?? { name: '', address: 'unknown sender' }
    const at = (h.date ?? m.internalDate ?? this.deps.now()).toISOString()
    const reply = { name: from.name, address: from.address, at, messageId: h.messageId }
    let applied = 0
    for (const id of candidates) {
      if (!(await this.exists(id))) continue
      let changed = false
      await this.deps.library.mutateNote(id, (note) => {
        const next = withReply(note, reply, this.ctx())
        changed = next !== note
        return next
      })
      if (changed) applied++
    }
    if (applied) await this.state.update((doc) => void (doc.counts.replies += applied))
    return applied
  }
}
