import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWithDovecot, startDovecot, type Dovecot } from '../core/test-support/dovecot'
import { useTempDirs } from '../core/test-support/temp-dir'
import { rawMessage, tagOf, testUsers } from '../core/mail/test-mail'
import { cliWith as cli } from './testing/run-cli'

const tempDir = useTempDirs()


it('refuses mail add without a password source, naming what is missing', async () => {
  const dir = tempDir()
  const r = await cli({}, 'mail', 'add', '--host', 'imap.example.com', '--user', 'me@example.com', '--data-dir', dir)
  expect(r).toMatchObject({ code: 2, err: expect.stringContaining('--password-env NAME') })
  const bad = await cli({}, 'mail', 'add', '--host', 'imap example', '--user', 'u', '--password-env', 'P', '--data-dir', dir)
  expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--host') })
})

describeWithDovecot('tickler mail on a real IMAP server', () => {
  let server: Dovecot
  const [user] = testUsers(1)
  beforeAll(async () => {
    server = await startDovecot({ users: [user!], folders: ['Tickler'] })
  }, 60_000)
  afterAll(async () => server?.stop())

  it('adds an account, checks once, tracks the tagged message and closes it on the reply, never storing the password', async () => {
    const dir = tempDir()
    const ca = join(dir, '..', `${Date.now()}-ca.pem`)
    await writeFile(ca, server.certPem)
    const env = { MAIL_PASSWORD: user!.password }
    const added = await cli(env, 'mail', 'add', '--host', '127.0.0.1', '--port', String(server.port), '--user', user!.user,
      '--password-env', 'MAIL_PASSWORD', '--ca', ca, '--data-dir', dir, '--json')
    expect(added.code).toBe(0)
    const account = JSON.parse(added.out).account
    expect(account).toMatchObject({ host: '127.0.0.1', security: 'tls', auth: { source: { kind: 'env', name: 'MAIL_PASSWORD' } } })

    const id = `<cli-${Date.now()}@mail.example>`
    await server.append(user!.user, 'Sent', rawMessage({ from: user!.user, bcc: tagOf(user!.user), messageId: id, subject: 'Proposal' }))
    const checked = await cli(env, 'mail', 'check', '--once', '--data-dir', dir, '--json')
    expect(checked.code).toBe(0)
    expect(JSON.parse(checked.out)[0].status).toMatchObject({ error: null, counts: { tracked: 1 } })
    const due = JSON.parse((await cli(env, 'list', '--data-dir', dir, '--json')).out)
    expect(due.map((n: { title: string }) => n.title)).toEqual(['Proposal'])

    await server.append(user!.user, 'INBOX', rawMessage({ from: 'Kim <kim@client.example>', to: user!.user, inReplyTo: id }))
    expect((await cli(env, 'mail', 'check', '--once', '--data-dir', dir)).code).toBe(0)
    const [note] = JSON.parse((await cli(env, 'list', '--data-dir', dir, '--json')).out)
    expect(note.doneAt).not.toBeNull()

    const listed = JSON.parse((await cli({}, 'mail', 'list', '--data-dir', dir, '--json')).out)
    expect(listed[0].status.counts).toMatchObject({ tracked: 1, replies: 1 })
    // The password is read from the variable at every check and never written anywhere in the library.
    for (const file of await readdir(dir, { recursive: true })) {
      const text = await readFile(join(dir, file)).catch(() => Buffer.alloc(0))
      expect(text.includes(user!.password), file).toBe(false)
    }
    const missing = await cli({}, 'mail', 'check', '--once', '--data-dir', dir)
    expect(missing.code).toBe(1)
    expect(missing.err).toContain(`${user!.user} on 127.0.0.1: the environment variable MAIL_PASSWORD is not set`)
  })

  it('refuses a server certificate it was not told to trust', async () => {
    const dir = tempDir()
    const env = { MAIL_PASSWORD: user!.password }
    await cli(env, 'mail', 'add', '--host', '127.0.0.1', '--port', String(server.port), '--user', user!.user, '--password-env', 'MAIL_PASSWORD', '--data-dir', dir)
    const r = await cli(env, 'mail', 'check', '--once', '--data-dir', dir)
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/certificate does not verify: it is self-signed/)
  })
})
