import { afterEach } from 'vitest'
import { openLibrary } from '../library'
import { openFollowUps, type FollowUpService } from '../followups/service'
import { RecordingNotifier } from '../followups/scheduler'
import type { Dovecot, DovecotUser } from '../test-support/dovecot'
import type { Library } from '../types'
import { MemorySecrets } from './secrets'
import { MailService, type MailServiceOptions } from './service'

export { rawMessage, type RawMessage } from './raw-message'

/** Test users, one per test, so each test starts with empty folders on the shared server. */
export const testUsers = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ user: `me${i + 1}@example.com`, password: `app-password-${i + 1}` }))

export const tagOf = (user: string, spec = '') => user.replace('@', `+tickler${spec ? `-${spec}` : ''}@`)

export interface MailWorld {
  library: Library
  followUps: FollowUpService
  notifier: RecordingNotifier
  mail: MailService
  secrets: MemorySecrets
  clock: { now: Date }
  reopen(): Promise<void>
}

/** A library, its follow-ups on a fake clock and a mail service with one account on the test server. */
export type WorldFactory = (
  server: Dovecot,
  dir: string,
  user: DovecotUser,
  options?: Partial<MailServiceOptions>,
) => Promise<MailWorld>

export function useMailWorld(): WorldFactory {
  const open: MailWorld[] = []
  afterEach(async () => {
    for (const w of open.splice(0)) {
      await w.mail.stop()
      w.followUps.stop()
      await w.library.close()
    }
  })
  return async (server, dir, user, options = {}) => {
    const clock = { now: new Date() }
    const now = () => new Date(clock.now)
    const secrets = new MemorySecrets()
    const world = {} as MailWorld
    const boot = async () => {
      world.library = await openLibrary(dir, { now })
      world.notifier = new RecordingNotifier()
      world.followUps = await openFollowUps(world.library, { clock: { now }, notifier: world.notifier, timeZone: () => 'Asia/Seoul' })
      world.mail = await MailService.open({
        library: world.library,
        settings: world.followUps.settings,
        secrets,
        now,
        timeZone: () => 'Asia/Seoul',
        ...options,
      })
    }
    await boot()
    Object.assign(world, {
      secrets,
      clock,
      async reopen() {
        await world.mail.stop()
        world.followUps.stop()
        await world.library.close()
        await boot()
      },
    })
    open.push(world)
    if (!world.mail.entries().length) {
      await world.mail.add(
        {
          host: '127.0.0.1',
          port: server.port,
          security: 'tls',
          user: user.user,
          auth: { method: 'password', source: { kind: 'keychain' } },
          trustedCertificate: { pem: server.certPem, info: { fingerprint: 'test', subject: '', issuer: '', validTo: '' } },
        },
        user.password,
      )
    }
    return world
  }
}
