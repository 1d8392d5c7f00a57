import { z } from 'zod'
import { method } from './contract-method'
import { NoteId, isoTimeSchema } from './model'

/** Mail accounts (IMAP) whose sent mail becomes follow-ups, spread into the contract. */

export const MailAccountId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a mail account id')

/** A host name or an IP literal: no scheme, path, port or spaces. */
export const MailHost = z
  .string()
  .trim()
  .min(1, 'say which server, e.g. imap.gmail.com')
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?)+$|^[0-9a-fA-F:]+$/, 'a server name such as imap.gmail.com')

export const MailSecurity = z.enum(['tls', 'starttls'])
export type MailSecurity = z.infer<typeof MailSecurity>
export const defaultPort = (security: MailSecurity): number => (security === 'tls' ? 993 : 143)

/**
 * Where the password comes from. keychain: the host's secret store (the OS keychain through Electron's
 * safeStorage; the browser preview keeps it in memory). env and file: the command line reads it at every
 * check and never stores it. The library folder never holds a password.
 */
export const PasswordSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keychain') }),
  z.object({
    kind: z.literal('env'),
    name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'an environment variable name'),
  }),
  z.object({ kind: z.literal('file'), path: z.string().min(1).max(4096) }),
])
export type PasswordSource = z.infer<typeof PasswordSource>

/** One method today; XOAUTH2 (Gmail, Microsoft) becomes a second member without changing accounts. */
export const MailAuth = z.discriminatedUnion('method', [
  z.object({ method: z.literal('password'), source: PasswordSource }),
])
export type MailAuth = z.infer<typeof MailAuth>

const AccountSettings = {
  label: z.string().trim().max(100),
  host: MailHost,
  port: z.number().int().min(1).max(65535),
  security: MailSecurity,
  user: z.string().trim().min(1, 'the user name is needed').max(320),
  /** The user's own address: Bcc tags (me+tickler@…) and "outside my domain" are read against it. */
  email: z.string().trim().max(320).regex(/^[^\s@]+@[^\s@]+$/, 'an address such as me@example.com'),
  trackExternal: z.boolean(),
  /** The folder whose messages become Inbox notes. */
  ticklerFolder: z.string().trim().min(1).max(200),
}

export const MailCertificate = z.object({
  fingerprint: z.string().max(200),
  subject: z.string().max(500),
  issuer: z.string().max(500),
  validTo: z.string().max(100),
})
export type MailCertificate = z.infer<typeof MailCertificate>

export const MailAccountView = z.object({
  id: MailAccountId,
  ...AccountSettings,
  auth: MailAuth,
  /** A certificate the user chose to trust for this server (self-signed company servers). */
  trustedCertificate: z.object({ fingerprint: z.string() }).nullable(),
  trackSince: isoTimeSchema,
  createdAt: isoTimeSchema,
})
export type MailAccountView = z.infer<typeof MailAccountView>

export const MailErrorKind = z.enum([
  'auth',
  'certificate',
  'unreachable',
  'tls',
  'password-missing',
  'protocol',
  'other',
])
export type MailErrorKind = z.infer<typeof MailErrorKind>

export const MailSkipped = z.object({
  at: isoTimeSchema,
  folder: z.string(),
  uid: z.number().int(),
  subject: z.string(),
  reason: z.string(),
})
export type MailSkipped = z.infer<typeof MailSkipped>

export const MailStatus = z.object({
  state: z.enum(['connecting', 'connected', 'error', 'stopped']),
  lastCheckedAt: isoTimeSchema.nullable(),
  error: z
    .object({
      kind: MailErrorKind,
      /** Names the account and the cause, e.g. "me@example.com on imap.example.com: …". */
      message: z.string(),
      at: isoTimeSchema,
      retryAt: isoTimeSchema.nullable(),
      /** The certificate the server showed, when it did not verify, so the user can choose to trust it. */
      certificate: MailCertificate.nullable(),
    })
    .nullable(),
  folders: z.object({ sent: z.string().nullable(), tickler: z.string().nullable() }),
  counts: z.object({
    tracked: z.number().int(),
    replies: z.number().int(),
    filed: z.number().int(),
  }),
  skipped: z.array(MailSkipped),
})
export type MailStatus = z.infer<typeof MailStatus>

export const MailAccountEntry = z.object({ account: MailAccountView, status: MailStatus })
export type MailAccountEntry = z.infer<typeof MailAccountEntry>

/** "Test connection": logged in (and the folders found), or why not. Nothing is saved by a test. */
export const MailTestResult = z.object({
  ok: z.boolean(),
  folders: z.object({ sent: z.string().nullable(), tickler: z.string().nullable() }).nullable(),
  error: z.object({ kind: MailErrorKind, message: z.string(), certificate: MailCertificate.nullable() }).nullable(),
})
export type MailTestResult = z.infer<typeof MailTestResult>

const NewAccountInput = z.object({
  ...AccountSettings,
  label: AccountSettings.label.optional(),
  port: AccountSettings.port.optional(),
  email: AccountSettings.email.optional(),
  trackExternal: AccountSettings.trackExternal.optional(),
  ticklerFolder: AccountSettings.ticklerFolder.optional(),
  password: z.string().min(1, 'the app password is needed').max(1024),
  /** Trust the certificate with this fingerprint, which the last test or check showed for this server. */
  trustFingerprint: z.string().min(1).max(200).optional(),
})

/** Where this host keeps passwords typed in Settings; the UI says so next to the field. */
export const PasswordStorage = z.enum(['keychain', 'memory'])

export const mailContract = {
  'mail.accounts': method(
    z.object({}),
    z.object({ accounts: z.array(MailAccountEntry), passwordStorage: PasswordStorage }),
  ),
  /** Logs in with the settings and password typed so far and logs out; saves nothing. */
  'mail.test': method(NewAccountInput, MailTestResult),
  /** Saves the account, stores the password with the host, and waits for the first check's outcome. */
  'mail.add': method(
    NewAccountInput,
    MailAccountEntry,
  ),
  'mail.update': method(
    z.object({
      id: MailAccountId,
      label: AccountSettings.label.optional(),
      trackExternal: AccountSettings.trackExternal.optional(),
      ticklerFolder: AccountSettings.ticklerFolder.optional(),
      password: z.string().min(1).max(1024).optional(),
    }),
    MailAccountEntry,
  ),
  /** Forgets the account, its password and its sync state; notes made from its mail stay. */
  'mail.remove': method(z.object({ id: MailAccountId }), z.object({ ok: z.literal(true) })),
  /** Connects now (skipping any back-off wait) and resolves with the outcome. */
  'mail.check': method(z.object({ id: MailAccountId }), MailAccountEntry),
  /** Trusts the certificate the server showed at the last check, if it still has this fingerprint. */
  'mail.trustCertificate': method(
    z.object({ id: MailAccountId, fingerprint: z.string().min(1).max(200) }),
    MailAccountEntry,
  ),
  /** How this computer can open a note's message: a mail program, the provider's web mail, or not at all. */
  'mail.linkInfo': method(
    z.object({ noteId: NoteId }),
    z.object({
      messageId: z.string().nullable(),
      /** The account the message came through (its label or address); null once it was removed. */
      account: z.string().nullable(),
      openWith: z.enum(['mail-app', 'web']).nullable(),
    }),
  ),
  /** Opens the note's message with a link main builds from the stored Message-ID. */
  'mail.openMessage': method(
    z.object({ noteId: NoteId }),
    z.object({ opened: z.boolean(), openWith: z.enum(['mail-app', 'web']).nullable() }),
  ),
} as const

export const mailEvents = {
  /** An account's connection state, counts or errors changed. */
  'mail.changed': z.object({ accountId: MailAccountId }),
} as const
