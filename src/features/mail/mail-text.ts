import type { TFunction } from 'i18next'
import type { MailCertificate, MailErrorKind } from '../../../electron/shared/contract-mail'

/** A failure as the user reads it: a sentence in their language naming the account and the cause. */
export function failureText(t: TFunction, kind: MailErrorKind, account: string): string {
  return t(`mail.error_${kind}`, { account })
}

export function certificateText(t: TFunction, c: MailCertificate): string {
  return t('mail.certificate', {
    subject: c.subject || '—',
    issuer: c.issuer || '—',
    validTo: c.validTo,
    fingerprint: c.fingerprint,
  })
}

/** How an account is named everywhere in the UI: its label, else its address. */
export const accountName = (a: { label: string; email: string }): string => a.label || a.email
