import { afterAll, beforeAll, expect, it } from 'vitest'
import { ImapFlow } from 'imapflow'
import { DEFAULT_USER, describeWithDovecot, makeCertificate, startDovecot, type Dovecot } from '../test-support/dovecot'
import { access, readFile } from 'node:fs/promises'

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
  // By process, not by probing the port: another test's server may be given the freed port at once.
  it('leaves no process and no folder behind', async () => {
    const server = await startDovecot()
    const connected = await server.client(DEFAULT_USER.user)
    connected.on('error', () => undefined)
    const family = await server.processes()
    // The master, its login and IMAP processes for the connected client, and its helpers.
    expect(family.length).toBeGreaterThan(2)
    await server.stop()
    await expect(access(server.dir)).rejects.toThrow()
    const alive = family.filter((pid) => {
      try {
        process.kill(pid, 0)
        return true
      } catch {
        return false
      }
    })
    expect(alive).toEqual([])
  }, 60_000)
})
