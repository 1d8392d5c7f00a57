import type { MailAccountEntry, MailStatus, MailTestResult } from '../../shared/contract-mail'
import { systemTimeZone } from '../../shared/followups/zone'
import { TicklerError } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import type { Settings } from '../settings'
import type { Library } from '../types'
import { MailAccounts, draftAccount, newAccountId, viewOf, type MailAccount, type NewAccount } from './accounts'

export type { NewAccount } from './accounts'
import { catchUp, type Folders } from './catch-up'
import { testConnection } from './connection-test'
import type { SeenCertificate, Timings } from './connection'
import type { SecretStore } from './secrets'
import { SessionError, withSession } from './session'
import { SyncState } from './sync-state'
import { Watcher } from './watcher'

/**
 * The mail accounts of one library and what each is doing: add/remove, one catch-up (the CLI's
 * `mail check --once`, Settings' "Check now"), and watchers that keep every account current while the
 * app runs. Statuses are kept here and told through onChange; only positions and counts are saved.
 */
export interface MailServiceOptions {
  library: Library
  settings: Settings
  secrets: SecretStore
  env?: NodeJS.ProcessEnv
  now?: () => Date
  timeZone?: () => string
  readOnly?: boolean
  timings?: Timings
  /** How often Sent and the Tickler folder are re-read while IDLE waits on the Inbox. */
  pollMs?: number
  onChange?: (accountId: string) => void
  random?: () => number
}

interface Live {
  state: MailStatus['state']
  error: MailStatus['error']
  folders: Folders
  watcher: Watcher | null
  /** Callers of check() waiting for the watcher's next outcome. */
  waiting: (() => void)[]
}

export class MailService {
  private readonly live = new Map<string, Live>()
  private readonly states = new Map<string, SyncState>()
  private readonly store: AttachmentStore
  private watching = false

  private constructor(
    private readonly o: MailServiceOptions,
    private readonly accounts: MailAccounts,
  ) {
    this.store = new AttachmentStore(o.library.dataDir)
  }

  static async open(o: MailServiceOptions): Promise<MailService> {
    const accounts = await MailAccounts.open(o.library.dataDir, o.readOnly ?? false)
    const service = new MailService(o, accounts)
    for (const a of accounts.list()) await service.stateOf(a.id)
    return service
  }

  get corrupt() {
    return this.accounts.corrupt
  }

  /** Where passwords typed in Settings are kept on this host; Settings says so beside the field. */
  get passwordStorage(): 'keychain' | 'memory' {
    return this.o.secrets.kind
  }

  private now = () => (this.o.now ?? (() => new Date()))()
  private timeZone = () => this.o.timeZone?.() ?? this.o.settings.timeZone() ?? systemTimeZone()

  private async stateOf(id: string): Promise<SyncState> {
    let state = this.states.get(id)
    if (!state) {
      state = await SyncState.open(this.o.library.dataDir, id, this.o.readOnly ?? false)
      this.states.set(id, state)
    }
    return state
  }

  private liveOf(id: string): Live {
    let live = this.live.get(id)
    if (!live) {
      live = { state: 'stopped', error: null, folders: { sent: null, tickler: null }, watcher: null, waiting: [] }
      this.live.set(id, live)
    }
    return live
  }

  entry(id: string): MailAccountEntry {
    const account = this.accounts.get(id)
    const saved = this.states.get(id)?.data
    const live = this.liveOf(id)
    const error =
      live.error ?? (saved?.lastError ? { ...saved.lastError, retryAt: null, certificate: null } : null)
    return {
      account: viewOf(account),
      status: {
        state: live.error ? 'error' : live.state === 'stopped' && error ? 'error' : live.state,
        lastCheckedAt: saved?.lastCheckedAt ?? null,
        error,
        folders: live.folders,
        counts: saved?.counts ?? { tracked: 0, replies: 0, filed: 0 },
        skipped: saved?.skipped ?? [],
      },
    }
  }

  entries(): MailAccountEntry[] {
    return this.accounts.list().map((a) => this.entry(a.id))
  }

  /** Logs in with these settings and password and logs out: nothing saved, no message read. */
  async test(input: NewAccount, secret: string): Promise<MailTestResult> {
    const { result, certificate } = await testConnection(draftAccount(input, this.now(), 'connection-test'), secret, {
      env: this.o.env ?? process.env,
      timings: this.o.timings,
    })
    if (certificate) this.seen.set(certificate.info.fingerprint, certificate)
    return result
  }

  /** A certificate a test or check showed lately, by its fingerprint: what "Trust" may trust. */
  shownCertificate(fingerprint: string): SeenCertificate | null {
    return this.seen.get(fingerprint) ?? null
  }

  private readonly seen = new Map<string, SeenCertificate>()

  accountOrNull(id: string): MailAccount | null {
    return this.accounts.list().find((a) => a.id === id) ?? null
  }

  async add(input: NewAccount, secret?: string): Promise<MailAccount> {
    const account = draftAccount(input, this.now(), newAccountId(input.host, (id) => this.accounts.list().some((a) => a.id === id)))
    if (secret !== undefined) await this.o.secrets.set(account.id, secret)
    try {
      await this.accounts.add(account)
    } catch (error) {
      if (secret !== undefined) await this.o.secrets.delete(account.id)
      throw error
    }
    await this.stateOf(account.id)
    if (this.watching) this.watch(account.id)
    return account
  }

  async update(
    id: string,
    patch: Partial<Pick<MailAccount, 'label' | 'trackExternal' | 'ticklerFolder' | 'trustedCertificate'>>,
    secret?: string,
  ): Promise<MailAccountEntry> {
    if (secret !== undefined) await this.o.secrets.set(id, secret)
    await this.accounts.update(id, patch)
    await this.restart(id)
    return this.entry(id)
  }

  /** Forgets the account, its password and its positions; notes made from its mail stay. */
  async remove(id: string): Promise<void> {
    this.accounts.get(id)
    await this.liveOf(id).watcher?.stop()
    await this.accounts.remove(id)
    await this.o.secrets.delete(id)
    this.states.delete(id)
    this.live.delete(id)
    if (!this.o.readOnly) await SyncState.remove(this.o.library.dataDir, id)
    this.o.onChange?.(id)
  }

  /** Trusts the certificate the server showed at the last failed check, if it still has this fingerprint. */
  async trustCertificate(id: string, fingerprint: string): Promise<MailAccountEntry> {
    const shown = this.liveOf(id).error?.certificate
    const pem = this.shownPem.get(id)
    if (!shown || !pem || shown.fingerprint !== fingerprint) {
      throw new TicklerError('CONFLICT', 'The server shows another certificate now; check again before trusting it.')
    }
    return this.update(id, { trustedCertificate: { fingerprint, pem } })
  }

  private readonly shownPem = new Map<string, string>()

  /** Connects, catches up and logs out (or, while watching, wakes the watcher and waits for it). */
  async check(id: string): Promise<MailAccountEntry> {
    const account = this.accounts.get(id)
    const live = this.liveOf(id)
    if (live.watcher) {
      await new Promise<void>((resolve) => {
        live.waiting.push(resolve)
        live.watcher?.nudge()
      })
      return this.entry(id)
    }
    this.setLive(id, { state: 'connecting' })
    try {
      await this.session(account, (client) => this.catchUpOn(account, client))
      this.succeeded(id)
    } catch (error) {
      await this.failed(id, error, null)
    }
    return this.entry(id)
  }

  async checkAll(): Promise<MailAccountEntry[]> {
    const out: MailAccountEntry[] = []
    for (const a of this.accounts.list()) out.push(await this.check(a.id))
    return out
  }

  /** Watches every account until stop(); new accounts are watched as they are added. */
  start(): void {
    this.watching = true
    for (const a of this.accounts.list()) this.watch(a.id)
  }

  async stop(): Promise<void> {
    this.watching = false
    await Promise.all([...this.live.values()].flatMap((l) => (l.watcher ? [l.watcher.stop()] : [])))
    for (const [id, l] of this.live) {
      l.watcher = null
      this.setLive(id, { state: 'stopped' })
    }
  }

  private async restart(id: string): Promise<void> {
    const live = this.liveOf(id)
    if (!live.watcher) return
    await live.watcher.stop()
    live.watcher = null
    this.watch(id)
  }

  private watch(id: string): void {
    const live = this.liveOf(id)
    if (live.watcher) return
    live.watcher = new Watcher({
      session: (body) => {
        this.setLive(id, { state: 'connecting' })
        return this.session(this.accounts.get(id), body)
      },
      catchUp: (client) => this.catchUpOn(this.accounts.get(id), client),
      connected: () => this.succeeded(id),
      failed: (error, retryAt) => void this.failed(id, error, retryAt),
      now: this.now,
      pollMs: this.o.pollMs ?? 60_000,
      random: this.o.random,
    })
    live.watcher.start()
  }

  private session<T>(account: MailAccount, body: Parameters<typeof withSession<T>>[2]): Promise<T> {
    return withSession(account, { secrets: this.o.secrets, env: this.o.env ?? process.env, timings: this.o.timings }, body)
  }

  private async catchUpOn(account: MailAccount, client: Parameters<typeof catchUp>[0]): Promise<void> {
    const result = await catchUp(client, account, await this.stateOf(account.id), {
      library: this.o.library,
      settings: this.o.settings,
      store: this.store,
      now: this.now,
      timeZone: this.timeZone,
    })
    this.liveOf(account.id).folders = result.folders
  }

  private setLive(id: string, patch: Partial<Live>): void {
    Object.assign(this.liveOf(id), patch)
    this.o.onChange?.(id)
  }

  private succeeded(id: string): void {
    this.setLive(id, { state: 'connected', error: null })
    this.release(id)
  }

  private async failed(id: string, error: unknown, retryAt: Date | null): Promise<void> {
    const e = error instanceof SessionError ? error : new SessionError({ kind: 'other', message: String(error) }, null, false)
    if (e.certificate) {
      this.shownPem.set(id, e.certificate.pem)
      this.seen.set(e.certificate.info.fingerprint, e.certificate)
    }
    const at = this.now().toISOString()
    this.setLive(id, {
      state: 'error',
      error: { kind: e.failure.kind, message: e.failure.message, at, retryAt: retryAt?.toISOString() ?? null, certificate: e.certificateInfo },
    })
    this.release(id)
    const state = this.states.get(id)
    if (state && !this.o.readOnly) {
      await state.update((doc) => void (doc.lastError = { kind: e.failure.kind, message: e.failure.message, at })).catch(() => undefined)
    }
  }

  private release(id: string): void {
    const live = this.liveOf(id)
    for (const resolve of live.waiting.splice(0)) resolve()
  }
}
