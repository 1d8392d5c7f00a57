import type { ImapFlow } from 'imapflow'
import type { MailCertificate } from '../../shared/contract-mail'
import type { MailAccount } from './accounts'
import { openClient, probeCertificate, type SeenCertificate, type Timings } from './connection'
import { describeFailure, type MailFailure } from './errors'
import { readPassword, type SecretStore } from './secrets'

/**
 * One logged-in connection for the length of `use`: the password is read fresh (keychain, environment
 * variable or file) every time, and any failure comes back as a sentence naming the account and the
 * cause. A certificate that did not verify is fetched again (untrusted, nothing sent) so the user can
 * see what the server showed and choose to trust it.
 */
export class SessionError extends Error {
  constructor(
    readonly failure: MailFailure,
    readonly certificate: SeenCertificate | null,
    /** True when the connection had logged in before it failed (a drop, not a refusal). */
    readonly wasConnected: boolean,
  ) {
    super(failure.message)
  }

  get certificateInfo(): MailCertificate | null {
    return this.certificate?.info ?? null
  }
}

export interface SessionDeps {
  secrets: SecretStore
  env: NodeJS.ProcessEnv
  timings?: Timings
}

export async function withSession<T>(
  account: MailAccount,
  deps: SessionDeps,
  use: (client: ImapFlow) => Promise<T>,
  onClient?: (client: ImapFlow | null) => void,
): Promise<T> {
  let client: ImapFlow | null = null
  let connected = false
  try {
    const pass = await readPassword(account.id, account.auth.source, deps.secrets, deps.env)
    client = openClient(account, pass, deps.timings)
    // imapflow reports a dropped socket as an 'error' event too; the awaited command fails with it.
    client.on('error', () => undefined)
    onClient?.(client)
    await client.connect()
    connected = true
    return await use(client)
  } catch (error) {
    if (error instanceof SessionError) throw error
    const failure = describeFailure(error, account)
    const certificate = failure.kind === 'certificate' ? await probeCertificate(account) : null
    throw new SessionError(failure, certificate, connected)
  } finally {
    onClient?.(null)
    if (client) {
      if (client.usable) await client.logout().catch(() => client?.close())
      else client.close()
    }
  }
}
