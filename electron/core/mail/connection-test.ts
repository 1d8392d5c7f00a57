import type { MailTestResult } from '../../shared/contract-mail'
import type { MailAccount } from './accounts'
import { findFolders } from './catch-up'
import type { SeenCertificate, Timings } from './connection'
import { MemorySecrets } from './secrets'
import { SessionError, withSession } from './session'

/**
 * "Test connection" in Settings: log in with the settings and password typed so far, list the folders
 * and log out. Nothing is saved and no message is read; the password lives only for this call. A
 * certificate that does not verify comes back so the user can look at it and choose to trust it.
 */
export async function testConnection(
  account: MailAccount,
  password: string,
  deps: { env: NodeJS.ProcessEnv; timings?: Timings },
): Promise<{ result: MailTestResult; certificate: SeenCertificate | null }> {
  const secrets = new MemorySecrets()
  await secrets.set(account.id, password)
  try {
    const folders = await withSession(account, { secrets, ...deps }, (client) =>
      findFolders(client, account.ticklerFolder),
    )
    return { result: { ok: true, folders, error: null }, certificate: null }
  } catch (error) {
    const e =
      error instanceof SessionError
        ? error
        : new SessionError({ kind: 'other', message: String(error) }, null, false)
    return {
      result: {
        ok: false,
        folders: null,
        error: { kind: e.failure.kind, message: e.failure.message, certificate: e.certificateInfo },
      },
      certificate: e.certificate,
    }
  }
}
