import type { mailContract } from '../../shared/contract-mail'
import type { Handlers } from '../../shared/rpc'
import type { Library } from '../types'
import type { MailService } from './service'

type MailHandlers = Pick<Handlers, keyof typeof mailContract>

/**
 * How this host opens a note's message: a mail program registered for `mid:` links (RFC 2392), or
 * nothing. Electron main answers from the OS; the preview and tests have none.
 */
export interface MailHost {
  openMessageLink?(url: string): Promise<boolean>
  canOpenMessageLinks?(): boolean
}

const midUrl = (messageId: string) => `mid:${encodeURIComponent(messageId.replace(/^<|>$/g, ''))}`

export function createMailHandlers(mail: MailService, library: Library, host: MailHost): MailHandlers {
  const messageOf = async (noteId: string) => (await library.getNote(noteId)).mail?.messageId ?? null
  return {
    'mail.accounts': () => ({ accounts: mail.entries(), passwordStorage: mail.passwordStorage }),
    'mail.add': async ({ password, ...input }) => {
      const account = await mail.add({ ...input, auth: { method: 'password', source: { kind: 'keychain' } } }, password)
      return mail.check(account.id)
    },
    'mail.update': async ({ id, password, ...patch }) => {
      await mail.update(id, patch, password)
      return mail.check(id)
    },
    'mail.remove': async ({ id }) => {
      await mail.remove(id)
      return { ok: true as const }
    },
    'mail.check': ({ id }) => mail.check(id),
    'mail.trustCertificate': async ({ id, fingerprint }) => {
      await mail.trustCertificate(id, fingerprint)
      return mail.check(id)
    },
    'mail.linkInfo': async ({ noteId }) => {
      const messageId = await messageOf(noteId)
      return { messageId, openWith: messageId && host.canOpenMessageLinks?.() ? ('mail-app' as const) : null }
    },
    'mail.openMessage': async ({ noteId }) => {
      const messageId = await messageOf(noteId)
      if (!messageId || !host.openMessageLink || !host.canOpenMessageLinks?.()) return { opened: false, openWith: null }
      return { opened: await host.openMessageLink(midUrl(messageId)), openWith: 'mail-app' as const }
    },
  }
}
