import { afterAll, beforeAll, expect, it } from 'vitest'
import { ImapFlow } from 'imapflow'
import { DEFAULT_USER, describeWithDovecot, makeCertificate, startDovecot, type Dovecot } from '../test-support/dovecot'
import { access, readFile } from 'node:fs/promises'
import { connect } from 'node:net'

describeWithDovecot('the Dovecot test server', () => {
  let server: Dovecot
  beforeAll(async () => {
    server = await startDovecot({ sentName: '보낸 편지함', folders: ['Tickler'] })
  }, 60_000)
  afterAll(async () => server?.stop())

  it('takes APPENDed messages and lists the Sent folder by its special-use flag', async () => {
    const uid = await server.append(DEFAULT_USER.user, server.sentName, 'Subject: hi\r\nMessage-ID: <a@x>\r\n\r\nbody\r\n')
    expect(uid).toBeGreaterThan(0)
    const c = await server.client(DEFAULT_USER.user)
    try {
      const boxes = await c.list()
      expect(boxes.find((b) => b.specialUse === '\\Sent')?.path).toBe('보낸 편지함')
      expect(boxes.some((b) => b.path === 'Tickler')).toBe(true)
    } finally {
      await c.logout()
    }
  })

  it('refuses a client that does not trust its certificate', async () => {
    const other = await makeCertificate(server.dir, 'stranger')
    const c = new ImapFlow({
      host: '127.0.0.1',
      port: server.port,
      secure: true,
      auth: { user: DEFAULT_USER.user, pass: DEFAULT_USER.password },
      tls: { ca: [await readFile(other.cert, 'utf8')] },
      logger: false,
    })
    c.on('error', () => {})
    await expect(c.connect()).rejects.toMatchObject({ code: expect.stringMatching(/SELF_SIGNED|VERIFY|ISSUER/) })
  })
})

describeWithDovecot('stopping the Dovecot test server', () => {
  it('leaves no listener and no folder behind', async () => {
    const server = await startDovecot()
    await server.stop()
    await expect(access(server.dir)).rejects.toThrow()
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(server.port, '127.0.0.1')
      s.once('connect', () => (s.destroy(), resolve(false)))
      s.once('error', () => resolve(true))
    })
    expect(refused).toBe(true)
  }, 60_000)
})
