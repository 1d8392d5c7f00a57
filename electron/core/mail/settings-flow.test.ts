import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { openFollowUps, type FollowUpService } from '../followups/service'
import { RecordingNotifier } from '../followups/scheduler'
import { openLibrary } from '../library'
import { describeWithDovecot, freePort, startDovecot, type Dovecot } from '../test-support/dovecot'
import { useTempDirs } from '../test-support/temp-dir'
import type { Library } from '../types'
import { createMailHandlers } from './handlers'
import { sentNoteId } from './note-ids'
import { rawMessage, tagOf, testUsers } from './test-mail'
import { MemorySecrets } from './secrets'
import { MailService } from './service'

/** What Settings → Mail does, through the same handlers main registers, against a real server. */
describeWithDovecot('Settings → Mail against a real IMAP server', () => {
  let server: Dovecot
  const tempDir = useTempDirs()
  const users = testUsers(3)
  const open: { library: Library; followUps: FollowUpService; mail: MailService }[] = []
  beforeAll(async () => (server = await startDovecot({ users })), 60_000)
  afterAll(async () => server?.stop())
  afterEach(async () => {
    for (const w of open.splice(0)) {
      await w.mail.stop()
      w.followUps.stop()
      await w.library.close()
    }
  })

  async function handlersWith(host: Parameters<typeof createMailHandlers>[2] = { platform: 'linux' }) {
    const library = await openLibrary(tempDir())
    const followUps = await openFollowUps(library, {
      clock: { now: () => new Date() },
      notifier: new RecordingNotifier(),
    })
    const mail = await MailService.open({
      library,
      settings: followUps.settings,
      secrets: new MemorySecrets(),
    })
    open.push({ library, followUps, mail })
    return { library, mail, h: createMailHandlers(mail, library, host) }
  }
  const settingsOf = (user: string, password: string, port = server.port) => ({
    host: '127.0.0.1',
    port,
    security: 'tls' as const,
    user,
    password,
  })

  it('tests a connection without saving it: wrong password, unreachable, certificate, then trusted', async () => {
    const { h, mail } = await handlersWith()
    const user = users[0]!
    const wrong = await h['mail.test']({ ...settingsOf(user.user, 'not-it'), trustFingerprint: undefined })
    // The test server's certificate is self-signed: refused before any password is sent.
    expect(wrong.error?.kind).toBe('certificate')
    expect(wrong.error?.message).toContain(`${user.user} on 127.0.0.1`)
    const fingerprint = wrong.error!.certificate!.fingerprint

    const refused = await h['mail.test']({
      ...settingsOf(user.user, 'not-it'),
      trustFingerprint: fingerprint,
    })
    expect(refused).toMatchObject({ ok: false, error: { kind: 'auth' } })
    expect(refused.error?.message).toMatch(/refused the user name or password/)

    const closed = await h['mail.test']({
      ...settingsOf(user.user, user.password, await freePort()),
      trustFingerprint: fingerprint,
    })
    expect(closed).toMatchObject({ ok: false, error: { kind: 'unreachable' } })

    const good = await h['mail.test']({
      ...settingsOf(user.user, user.password),
      trustFingerprint: fingerprint,
    })
    expect(good).toEqual({ ok: true, error: null, folders: { sent: 'Sent', tickler: null } })
    expect(mail.entries()).toEqual([])

    await expect(
      h['mail.test']({ ...settingsOf(user.user, user.password), trustFingerprint: 'SHA256:made-up' }),
    ).rejects.toThrow(/another certificate/)
  })

  it('adds an account trusting the certificate its test showed, and never hands the password back', async () => {
    const { h } = await handlersWith()
    const user = users[1]!
    const shown = await h['mail.test'](settingsOf(user.user, user.password))
    const entry = await h['mail.add']({
      ...settingsOf(user.user, user.password),
      trackExternal: true,
      ticklerFolder: 'Follow up',
      trustFingerprint: shown.error!.certificate!.fingerprint,
    })
    expect(entry.status).toMatchObject({ state: 'connected', error: null, folders: { sent: 'Sent' } })
    expect(entry.status.lastCheckedAt).not.toBeNull()
    expect(entry.account).toMatchObject({ trackExternal: true, ticklerFolder: 'Follow up', email: user.user })
    const listed = JSON.stringify(await h['mail.accounts']({}))
    expect(listed).not.toContain(user.password)
    expect(listed).toContain('"passwordStorage":"memory"')
  })

  it('opens a tracked note’s message with a link built from its stored Message-ID, or says none can', async () => {
    const opened: string[] = []
    const host = {
      platform: 'linux',
      canOpenScheme: (s: string) => s === 'mid',
      openMessageLink: async (url: string) => (opened.push(url), true),
    }
    const { h, library } = await handlersWith(host)
    const user = users[2]!
    const shown = await h['mail.test'](settingsOf(user.user, user.password))
    await h['mail.add']({
      ...settingsOf(user.user, user.password),
      trustFingerprint: shown.error!.certificate!.fingerprint,
    })
    const id = `<open-me-${Date.now()}@mail.example>`
    await server.append(
      user.user,
      'Sent',
      rawMessage({ from: user.user, messageId: id, bcc: tagOf(user.user) }),
    )
    const [account] = (await h['mail.accounts']({})).accounts
    await h['mail.check']({ id: account!.account.id })
    const noteId = sentNoteId(id)
    expect(await h['mail.linkInfo']({ noteId })).toEqual({
      messageId: id,
      account: user.user,
      openWith: 'mail-app',
    })
    expect(await h['mail.openMessage']({ noteId })).toEqual({ opened: true, openWith: 'mail-app' })
    expect(opened).toEqual([`mid:${encodeURIComponent(id.slice(1, -1))}`])

    // A computer with no program for mid: links: nothing is opened and the page is told so.
    const bare = createMailHandlers(open[0]!.mail, library, { ...host, canOpenScheme: () => false })
    expect(await bare['mail.linkInfo']({ noteId })).toMatchObject({ openWith: null })
    expect(await bare['mail.openMessage']({ noteId })).toEqual({ opened: false, openWith: null })
    expect(opened).toHaveLength(1)
  })
})
