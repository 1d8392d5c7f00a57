import { chmod, mkdir, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import type { Library } from '../core/index'
import type { Settings } from '../core/settings'
import { writeFileDurable } from '../core/durable-file'
import { MemorySecrets, type SecretStore } from '../core/mail/secrets'
import { MailService } from '../core/mail/service'

/** The part of Electron's safeStorage this uses (the OS keychain: Keychain, DPAPI, libsecret/kwallet). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(text: string): Buffer
  decryptString(data: Buffer): string
}

const SecretsFile = z.record(z.string().regex(/^[a-z0-9-]{1,64}$/), z.string().max(20_000))

/**
 * Mail passwords, encrypted by the OS keychain through safeStorage, in a file of the app's own
 * user-data folder: never in the library folder, which may be synced to other computers. Where the
 * keychain is not available the passwords live in memory only, and Settings says so.
 */
export class SafeStorageSecrets implements SecretStore {
  readonly kind = 'keychain' as const
  private cache: Record<string, string> | null = null

  constructor(
    private readonly safe: SafeStorageLike,
    private readonly file: string,
  ) {}

  private async load(): Promise<Record<string, string>> {
    if (this.cache) return this.cache
    const text = await readFile(this.file, 'utf8').catch(() => '{}')
    let parsed: unknown = {}
    try {
      parsed = JSON.parse(text)
    } catch {
      // An unreadable file holds nothing usable; the user is asked for the password again.
    }
    const result = SecretsFile.safeParse(parsed)
    this.cache = result.success ? result.data : {}
    return this.cache
  }

  private async save(next: Record<string, string>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true })
    await writeFileDurable(this.file, `${JSON.stringify(next)}\n`)
    await chmod(this.file, 0o600)
    this.cache = next
  }

  async get(accountId: string): Promise<string | null> {
    const sealed = (await this.load())[accountId]
    if (!sealed) return null
    try {
      return this.safe.decryptString(Buffer.from(sealed, 'base64'))
    } catch {
      return null
    }
  }

  async set(accountId: string, secret: string): Promise<void> {
    const sealed = this.safe.encryptString(secret).toString('base64')
    await this.save({ ...(await this.load()), [accountId]: sealed })
  }

  async delete(accountId: string): Promise<void> {
    const { [accountId]: _gone, ...rest } = await this.load()
    await this.save(rest)
  }
}

export function secretStoreFor(safe: SafeStorageLike, file: string): SecretStore {
  return safe.isEncryptionAvailable() ? new SafeStorageSecrets(safe, file) : new MemorySecrets()
}

export interface MainMailOptions {
  library: Library
  settings: Settings
  secrets: SecretStore
  onChange(accountId: string): void
  /** The longest the start-up catch-up may hold back reminders when a server is slow or away. */
  catchUpLimitMs?: number
}

/**
 * Mail in the app. `catchUp` runs before the first reminder check, so a reply that came while Tickler
 * was closed closes its follow-up before it could be notified; `watch` then keeps every account
 * current with IDLE. A slow or unreachable server delays reminders by at most catchUpLimitMs.
 */
export interface MainMail {
  service: MailService
  catchUp(): Promise<void>
  watch(): void
  stop(): Promise<void>
}

export async function openMainMail(o: MainMailOptions): Promise<MainMail> {
  const service = await MailService.open({
    library: o.library,
    settings: o.settings,
    secrets: o.secrets,
    onChange: (id) => o.onChange(id),
  })
  return {
    service,
    async catchUp(): Promise<void> {
      let timer: NodeJS.Timeout | undefined
      const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, o.catchUpLimitMs ?? 15_000)))
      await Promise.race([service.checkAll().then(() => undefined), limit])
      clearTimeout(timer)
    },
    watch: () => service.start(),
    stop: () => service.stop(),
  }
}
