import type { Readable } from 'node:stream'
import { MailParser, type AttachmentStream } from 'mailparser'
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_LABEL, attachmentNode, formatBytes } from '../../shared/domain/attachment'
import { parseCapture } from '../../shared/capture/parse-capture'
import { textToDoc } from '../../shared/doc-text'
import { toZonedIso } from '../../shared/followups/zone'
import { INBOX_ID, type DocNodeT } from '../../shared/model'
import type { MailRef } from '../../shared/mail-ref'
import { setFollowUp } from '../followups/engine'
import type { AttachmentStore } from '../attachments/store'
import type { Settings } from '../settings'
import type { Library } from '../types'
import type { MailAccount } from './accounts'
import { htmlToText } from './message-text'
import { filedNoteId, positionNoteId } from './note-ids'
import type { SyncState } from './sync-state'
import { NO_SUBJECT, draftNote, headerRemarks, importOnce, type IncomingMessage, type Tracker } from './tracker'

/**
 * Messages the user moves into the Tickler folder become Inbox notes: the text, every attachment up to
 * the library's 50 MB limit, and a follow-up when the subject ends with one ("견적 회신 내일 오전 9시",
 * "call back in 2 days"), read exactly as quick capture reads its first line. The message itself stays
 * where the user put it.
 */
const MAX_MESSAGE_BYTES = 200 * 1024 * 1024
const MAX_TEXT = 100_000

interface Parsed {
  text: string
  attachments: DocNodeT[]
  problems: string[]
}

async function collect(stream: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    size += (chunk as Buffer).length
    // Past the limit the rest is read and dropped, so the parser can go on with the next part.
    if (size <= limit) chunks.push(chunk as Buffer)
  }
  return size <= limit ? Buffer.concat(chunks) : null
}

/** Streams the message through mailparser, storing each attachment as it comes. */
export async function parseForFiling(source: Readable, store: AttachmentStore): Promise<Parsed> {
  const parser = new MailParser({ skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 })
  const pending: Promise<void>[] = []
  const attachments: DocNodeT[] = []
  const problems: string[] = []
  let text = ''
  let html = ''
  const handle = async (a: AttachmentStream) => {
    const name = a.filename ?? 'attachment'
    try {
      const bytes = await collect(a.content, MAX_ATTACHMENT_BYTES)
      if (!bytes) problems.push(`"${name}" is larger than ${MAX_ATTACHMENT_LABEL} and was not added.`)
      else attachments.push(attachmentNode(await store.add(bytes, name, a.contentType)))
    } catch (error) {
      problems.push(`"${name}" could not be saved (${(error as Error).message}).`)
    } finally {
      a.release?.()
    }
  }
  await new Promise<void>((resolve, reject) => {
    parser.on('data', (data) => {
      if (data.type === 'attachment') pending.push(handle(data))
      else {
        text = data.text ?? ''
        html = data.html ?? ''
      }
    })
    parser.once('error', (error: Error) => {
      problems.push(`This message could not be read completely (${error.message}); what could be read is here.`)
      resolve()
    })
    parser.once('end', () => resolve())
    // A download cut short (lost connection) is not a broken message: fail, and it is read again later.
    source.once('error', (error) => {
      parser.destroy()
      reject(error)
    })
    source.pipe(parser)
  })
  await Promise.all(pending)
  const body = (text || (html ? htmlToText(html) : '')).slice(0, MAX_TEXT)
  return { text: body, attachments, problems }
}

export interface FilingDeps {
  library: Library
  tracker: Tracker
  account: MailAccount
  state: SyncState
  store: AttachmentStore
  settings: Settings
}

export async function fileMessage(
  deps: FilingDeps,
  m: IncomingMessage,
  download: () => Promise<Readable | null>,
): Promise<'created' | 'exists'> {
  const h = m.headers
  const id = h.messageId ? filedNoteId(h.messageId) : positionNoteId('filed', { accountId: deps.account.id, ...m })
  if (await deps.tracker.exists(id)) return 'exists'
  const remarks = headerRemarks(h, false)
  let parsed: Parsed = { text: '', attachments: [], problems: [] }
  if (m.size > MAX_MESSAGE_BYTES) {
    remarks.push(`The message is ${formatBytes(m.size)}, too large to download; only its header was read.`)
  } else {
    const source = await download()
    if (source) parsed = await parseForFiling(source, deps.store)
    else remarks.push('The message could not be downloaded; only its header was read.')
  }
  remarks.push(...parsed.problems)
  const ctx = deps.tracker.ctx()
  const reading = parseCapture(h.subject, { now: ctx.now, timeZone: ctx.timeZone })
  const title = reading.title || h.subject.trim() || NO_SUBJECT
  const mail: MailRef = {
    kind: 'filed',
    accountId: deps.account.id,
    messageId: h.messageId,
    threadId: m.threadId,
    folder: m.folder,
    from: h.from,
    to: [...h.to, ...h.cc].slice(0, 100),
    sentAt: h.date ? toZonedIso(h.date, ctx.timeZone) : null,
    trackedDueAt: null,
    reply: null,
    remarks: remarks.slice(0, 10),
  }
  const doc = textToDoc(parsed.text)
  doc.content = [...(doc.content ?? []), ...parsed.attachments]
  let note = draftNote({ title: title.slice(0, 500), doc, tags: reading.tags, mail }, ctx.now.toISOString())
  if (reading.followUp) {
    const standard = deps.settings.defaultStandardFor({ notebookId: INBOX_ID, tags: reading.tags })
    note = setFollowUp(note, { dueAt: reading.followUp.dueAt, standard }, ctx)
  }
  if ((await importOnce(deps.library, note, id)) === 'exists') return 'exists'
  await deps.state.update((d) => void d.counts.filed++)
  return 'created'
}
