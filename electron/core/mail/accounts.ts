import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Low } from 'lowdb'
import { z } from 'zod'
import { MailAccountView, defaultPort, type MailAccountView as View, type MailAuth, type MailSecurity } from '../../shared/contract-mail'
import { TicklerError } from '../../shared/rpc'
import { changeSmallDoc, openSmallDoc } from '../small-doc'
import type { CorruptFile } from '../types'
import type { SeenCertificate } from './connection'

/**
 * mail/accounts.json: the mail accounts, without any secret. A password lives with the host (the OS
 * keychain in the app) or is read from an environment variable or a 0600 file named here; a trusted
 * self-signed certificate is public data and is kept here so checks can verify against it.
 */
export const MailAccount = MailAccountView.omit({ trustedCertificate: true }).extend({
  trustedCertificate: z.object({ fingerprint: z.string().max(200), pem: z.string().max(20_000) }).nullable(),
})
export type MailAccount = z.infer<typeof MailAccount>

const ACCOUNTS_SCHEMA_VERSION = 1
const AccountsDoc = z.object({
  schemaVersion: z.literal(ACCOUNTS_SCHEMA_VERSION),
  accounts: z.array(MailAccount).max(50),
})
type AccountsDoc = z.infer<typeof AccountsDoc>

export const mailDirOf = (dataDir: string): string => join(dataDir, 'mail')

/** What the renderer sees: the trusted certificate by its fingerprint only. */
export const viewOf = (a: MailAccount): View => ({
  ...a,
  trustedCertificate: a.trustedCertificate ? { fingerprint: a.trustedCertificate.fingerprint } : null,
})

export class MailAccounts {
  private constructor(
    private readonly db: Low<AccountsDoc>,
    readonly corrupt: CorruptFile | null,
    private readonly readOnly: boolean,
  ) {}

  static async open(dataDir: string, readOnly: boolean): Promise<MailAccounts> {
    const fresh = (): AccountsDoc => ({ schemaVersion: ACCOUNTS_SCHEMA_VERSION, accounts: [] })
    const dir = mailDirOf(dataDir)
    if (!readOnly) await mkdir(dir, { recursive: true })
    const { db, corrupt } = await openSmallDoc(dir, 'accounts.json', AccountsDoc, fresh, readOnly)
    const reported = corrupt && {
      ...corrupt,
      file: `mail/${corrupt.file}`,
      movedTo: corrupt.movedTo && `mail/${corrupt.movedTo}`,
    }
    return new MailAccounts(db, reported, readOnly)
  }

  list(): MailAccount[] {
    return this.db.data.accounts
  }

  get(id: string): MailAccount {
    const found = this.db.data.accounts.find((a) => a.id === id)
    if (!found) throw new TicklerError('NOT_FOUND', `There is no mail account "${id}".`)
    return found
  }

  async add(account: MailAccount): Promise<void> {
    const same = this.db.data.accounts.find(
      (a) => a.host.toLowerCase() === account.host.toLowerCase() && a.user === account.user,
    )
    if (same) throw new TicklerError('CONFLICT', `${account.user} on ${account.host} is already set up.`)
    await this.save((doc) => doc.accounts.push(account))
  }

  async update(id: string, patch: Partial<Omit<MailAccount, 'id'>>): Promise<MailAccount> {
    this.get(id)
    await this.save((doc) => {
      const i = doc.accounts.findIndex((a) => a.id === id)
      doc.accounts[i] = MailAccount.parse({ ...doc.accounts[i], ...patch })
    })
    return this.get(id)
  }

  async remove(id: string): Promise<void> {
    this.get(id)
    await this.save((doc) => {
      doc.accounts = doc.accounts.filter((a) => a.id !== id)
    })
  }

  private save(change: (doc: AccountsDoc) => void): Promise<void> {
    return changeSmallDoc(this.db, this.readOnly, change)
  }
}

/** A short, readable, unique id: "gmail-com-3f2a" from the host and a random suffix. */
export function newAccountId(host: string, taken: (id: string) => boolean): string {
  const base = host.toLowerCase().replace(/^imap\./, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'mail'
  for (;;) {
    const id = `${base}-${Math.random().toString(16).slice(2, 6)}`
    if (!taken(id)) return id
  }
}

export interface NewAccount {
  label?: string
  host: string
  port?: number
  security: MailSecurity
  user: string
  email?: string
  trackExternal?: boolean
  ticklerFolder?: string
  auth: MailAuth
  trustedCertificate?: SeenCertificate | null
}

const DEFAULT_FOLDER = 'Tickler'

/** The account these settings make, with the defaults filled in (not saved). */
export function draftAccount(input: NewAccount, now: Date, id: string): MailAccount {
  const at = now.toISOString()
  const email = input.email || (input.user.includes('@') ? input.user : '')
  if (!email) throw new TicklerError('BAD_INPUT', `Say which address is yours: "${input.user}" is not an address.`)
  const { trustedCertificate, ...rest } = input
  return {
    ...rest,
    id,
    label: input.label ?? '',
    port: input.port ?? defaultPort(input.security),
    email,
    trackExternal: input.trackExternal ?? false,
    ticklerFolder: input.ticklerFolder || DEFAULT_FOLDER,
    trustedCertificate: trustedCertificate ? { fingerprint: trustedCertificate.info.fingerprint, pem: trustedCertificate.pem } : null,
    trackSince: at,
    createdAt: at,
  }
}
