import { readFile, stat } from 'node:fs/promises'
import type { PasswordSource } from '../../shared/contract-mail'

/**
 * Where passwords typed in Settings are kept. The app's store encrypts them with the OS keychain
 * (Electron's safeStorage, in main); the browser preview and tests keep them in memory. None of them
 * ever writes a password into the library folder.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory'
  get(accountId: string): Promise<string | null>
  set(accountId: string, secret: string): Promise<void>
  delete(accountId: string): Promise<void>
}

export class MemorySecrets implements SecretStore {
  readonly kind = 'memory' as const
  private readonly secrets = new Map<string, string>()
  /** What a missing password means on this host (the command line cannot read the app's keychain). */
  constructor(readonly missingReason?: string) {}
  async get(accountId: string) {
    return this.secrets.get(accountId) ?? null
  }
  async set(accountId: string, secret: string) {
    this.secrets.set(accountId, secret)
  }
  async delete(accountId: string) {
    this.secrets.delete(accountId)
  }
}

export class PasswordMissing extends Error {}

/**
 * The password for one check, read fresh each time: from the host's store, an environment variable, or
 * a file only its owner can read (a group- or world-readable file is refused, as ssh refuses a key).
 */
export async function readPassword(
  accountId: string,
  source: PasswordSource,
  store: SecretStore,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  if (source.kind === 'keychain') {
    const secret = await store.get(accountId)
    if (secret === null) {
      throw new PasswordMissing(
        store instanceof MemorySecrets && store.missingReason
          ? store.missingReason
          : store.kind === 'memory'
            ? 'the password was kept only until the last restart; enter it again in Settings → Mail'
            : 'no password is stored for this account on this computer; enter it in Settings → Mail',
      )
    }
    return secret
  }
  if (source.kind === 'env') {
    const value = env[source.name]
    if (!value) throw new PasswordMissing(`the environment variable ${source.name} is not set`)
    return value
  }
  let info
  try {
    info = await stat(source.path)
  } catch {
    throw new PasswordMissing(`the password file ${source.path} cannot be read`)
  }
  if (process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new PasswordMissing(
      `the password file ${source.path} can be read by others (mode ${(info.mode & 0o777).toString(8)}); chmod 600 it`,
    )
  }
  const text = (await readFile(source.path, 'utf8')).replace(/\r?\n$/, '')
  if (!text) throw new PasswordMissing(`the password file ${source.path} is empty`)
  return text
}
