import type { ImapFlow } from 'imapflow'
import type { Readable } from 'node:stream'
import type { AttachmentStore } from '../attachments/store'
import type { Settings } from '../settings'
import type { Library } from '../types'
import type { MailAccount } from './accounts'
import { fileMessage } from './filing'
import { scanFolder } from './folder-sync'
import { readBodyText } from './message-body'
import type { FolderRole, SyncState } from './sync-state'
import { Tracker, type IncomingMessage } from './tracker'
import { trackingReason } from './tracking-rules'

/**
 * One pass over an account's folders on an open connection: Sent first (so a reply read later finds the
 * note its message made), the Tickler folder, and the Inbox last (replies, and Bcc copies of tagged
 * messages), which then stays selected for IDLE to watch. Folders are opened read-only (EXAMINE): Tickler never marks, moves or deletes anything.
 */
export interface CatchUpDeps {
  library: Library
  settings: Settings
  store: AttachmentStore
  now: () => Date
  timeZone: () => string
}

export interface Folders {
  /** Found by its \Sent special-use flag, whatever the folder is called ("보낸편지함", "Sent Items"). */
  sent: string | null
  tickler: string | null
}

export interface CatchUpResult {
  folders: Folders
  seen: number
}

export async function findFolders(client: ImapFlow, ticklerFolder: string): Promise<Folders> {
  const boxes = await client.list()
  const wanted = ticklerFolder.toLocaleLowerCase()
  const tickler =
    boxes.find((b) => b.path === ticklerFolder) ??
    boxes.find((b) => b.path.toLocaleLowerCase() === wanted || b.name.toLocaleLowerCase() === wanted)
  return { sent: boxes.find((b) => b.specialUse === '\\Sent')?.path ?? null, tickler: tickler?.path ?? null }
}

export async function catchUp(
  client: ImapFlow,
  account: MailAccount,
  state: SyncState,
  deps: CatchUpDeps,
): Promise<CatchUpResult> {
  const tracker = new Tracker(
    { library: deps.library, standards: () => deps.settings.standards(), timeZone: deps.timeZone, now: deps.now },
    account,
    state,
  )
  const folders = await findFolders(client, account.ticklerFolder)
  const since = new Date(account.trackSince)
  const body = (m: IncomingMessage) => () => readBodyText(client, m.uid)
  const download = (m: IncomingMessage) => async (): Promise<Readable | null> => {
    const d = await client.download(String(m.uid), undefined, { uid: true })
    return (d.content) ?? null
  }

  // A message that cannot be handled is recorded with its reason and passed over, so one bad message
  // never holds a folder back; a lost connection is not the message's fault and stops the pass.
  const guarded = (handle: (m: IncomingMessage) => Promise<void>) => async (m: IncomingMessage) => {
    try {
      if (!m.headers.hasHeaders) throw new Error('it has no mail header (not a mail message)')
      await handle(m)
    } catch (error) {
      if (!client.usable) throw error
      const reason = error instanceof Error ? error.message : String(error)
      await state.update((doc) => {
        doc.skipped.push({ at: deps.now().toISOString(), folder: m.folder, uid: m.uid, subject: m.headers.subject, reason })
      })
    }
  }

  let seen = 0
  const scan = async (role: FolderRole, path: string, handle: (m: IncomingMessage) => Promise<void>) => {
    await client.mailboxOpen(path, { readOnly: true })
    seen += (await scanFolder(client, role, state, since, guarded(handle))).seen
  }
  if (folders.sent) {
    await scan('sent', folders.sent, async (m) => {
      const reason = trackingReason(m.headers, 'sent', tracker.me, account.trackExternal)
      if (reason) await tracker.trackSent(m, reason, body(m))
    })
  }
  if (folders.tickler) {
    await scan('tickler', folders.tickler, async (m) => {
      await fileMessage(
        { library: deps.library, tracker, account, state, store: deps.store, settings: deps.settings },
        m,
        download(m),
      )
    })
  }
  await scan('inbox', 'INBOX', async (m) => {
    const reason = trackingReason(m.headers, 'inbox', tracker.me, account.trackExternal)
    if (reason) await tracker.trackSent(m, reason, body(m))
    else await tracker.applyReply(m)
  })
  await state.update((doc) => {
    doc.lastCheckedAt = deps.now().toISOString()
    doc.lastError = null
  })
  return { folders, seen }
}
