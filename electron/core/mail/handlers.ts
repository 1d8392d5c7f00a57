import type { mailContract } from '../../shared/contract-mail'
import { TicklerError, type Handlers } from '../../shared/rpc'
import type { Library } from '../types'
import { messageLink, type LinkScheme } from './message-link'
import type { MailService } from './service'

type MailHandlers = Pick<Handlers, keyof typeof mailContract>

/**
 * How this host opens a note's message. Electron main answers from the OS (which schemes have a
 * registered program) and opens the link core built; the preview and tests open nothing.
 */
export interface MailHost {
  platform: string
  canOpenScheme?(scheme: LinkScheme): boolean
  /** Opens a link core built from a stored Message-ID; never a URL from the page. */
  openMessageLink?(url: string): Promise<boolean>
}

export function createMailHandlers(mail: MailService, library: Library, host: MailHost): MailHandlers {
  const linkOf = async (noteId: string) => {
    const ref = (await library.getNote(noteId)).mail
    const account = ref ? mail.accountOrNull(ref.accountId) : null
    const link =
      ref?.messageId && host.openMessageLink
        ? messageLink(ref.messageId, account, {
            platform: host.platform,
            canOpenScheme: (s) => host.canOpenScheme?.(s) ?? false,
          })
        : null
    return {
      messageId: ref?.messageId ?? null,
      account: account ? account.label || account.email : null,
      link,
    }
  }
  /** A fingerprint the user chose to trust must be one a test or check just showed. */
  const shown = (fingerprint: string | undefined) => {
    if (!fingerprint) return null
    const certificate = mail.shownCertificate(fingerprint)
    if (!certificate)
      throw new TicklerError(
        'CONFLICT',
        'The server shows another certificate now; test again before trusting it.',
      )
    return certificate
  }
  return {
    'mail.accounts': () => ({ accounts: mail.entries(), passwordStorage: mail.passwordStorage }),
    'mail.test': async ({ password, trustFingerprint, ...input }) =>
      mail.test(
        {
          ...input,
          auth: { method: 'password', source: { kind: 'keychain' } },
          trustedCertificate: shown(trustFingerprint),
        },
        password,
      ),
    'mail.add': async ({ password, trustFingerprint, ...input }) => {
      const trustedCertificate = shown(trustFingerprint)
      const account = await mail.add(
        { ...input, auth: { method: 'password', source: { kind: 'keychain' } }, trustedCertificate },
        password,
      )
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
      const { messageId, account, link } = await linkOf(noteId)
      return { messageId, account, openWith: link?.openWith ?? null }
    },
    'mail.openMessage': async ({ noteId }) => {
      const { link } = await linkOf(noteId)
      if (!link || !host.openMessageLink) return { opened: false, openWith: null }
      return { opened: await host.openMessageLink(link.url), openWith: link.openWith }
    },
  }
}
