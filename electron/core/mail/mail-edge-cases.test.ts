import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { attachmentsDirOf } from '../attachments/store'
import { describeWithDovecot, startDovecot, type Dovecot, type DovecotUser } from '../test-support/dovecot'
import { useTempDirs } from '../test-support/temp-dir'
import { sentNoteId } from './note-ids'
import { rawMessage, tagOf, testUsers, useMailWorld } from './test-mail'

/** A multipart message with one attachment, as a mail program writes it. */
function withAttachment(o: { from: string; subject: string; messageId: string; name: string; bytes: Buffer }): string {
  const b = 'b-1'
  return [
    `From: ${o.from}`,
    'To: me@example.com',
    `Subject: ${o.subject}`,
    `Message-ID: ${o.messageId}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${b}"`,
    '',
    `--${b}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Please see the attached order.',
    `--${b}`,
    `Content-Type: application/pdf; name="${o.name}"`,
    `Content-Disposition: attachment; filename="${o.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    o.bytes.toString('base64').replace(/.{76}/g, '$&\r\n'),
    `--${b}--`,
    '',
  ].join('\r\n')
}

describeWithDovecot('mail that is odd, big or cut off, on a real IMAP server', () => {
  let server: Dovecot
  const tempDir = useTempDirs()
  const makeWorld = useMailWorld()
  const users = testUsers(8)
  let next = 0
  const fresh = (): DovecotUser => users[next++]!
  beforeAll(async () => {
    server = await startDovecot({ users, folders: ['Tickler'] })
  }, 60_000)
  afterAll(async () => server?.stop())

  it('turns a message moved into Tickler into an Inbox note with its attachment and the subject\'s follow-up', async () => {
    const user = fresh()
    const w = await makeWorld(server, tempDir(), user)
    const pdf = Buffer.from('%PDF-1.4 order 42\n'.repeat(100))
    await server.append(user.user, 'Tickler', withAttachment({
      from: 'Kim <kim@client.example>',
      subject: '견적 회신 내일 오전 9시',
      messageId: '<order-42@client.example>',
      name: 'order.pdf',
      bytes: pdf,
    }))
    await w.mail.checkAll()
    const [summary] = w.library.listNotes({})
    const note = await w.library.getNote(summary!.id)
    expect(note.notebookId).toBe('inbox')
    expect(note.title).toBe('견적 회신')
    expect(note.text).toContain('Please see the attached order.')
    const attachment = note.doc.content?.find((n) => n.type === 'attachment')
    expect(attachment?.attrs).toMatchObject({ name: 'order.pdf', size: pdf.length })
    expect(await readFile(join(attachmentsDirOf(w.library.dataDir), String(attachment!.attrs!.file)))).toEqual(pdf)
    // 내일 오전 9시, Seoul time.
    expect(note.followUp?.dueAt).toMatch(/T09:00:00(\.000)?\+09:00$/)
    // Seen again (a second check): still one note.
    await w.mail.checkAll()
    expect(w.library.listNotes({})).toHaveLength(1)
  })

  it('handles a malformed message, an EUC-KR header, a message with no Message-ID and a 30 MB message', async () => {
    const user = fresh()
    const w = await makeWorld(server, tempDir(), user)
    const tag = tagOf(user.user)
    // Not a mail message at all: skipped with a reason, the rest still read.
    await server.append(user.user, 'Tickler', '\r\n\r\nno header at all, just text\r\n')
    // An 8-bit header in EUC-KR, as old Korean mail programs write it.
    const subject = Buffer.from([0xb0, 0xdf, 0xc0, 0xfb, 0x20, 0xc8, 0xb8, 0xbd, 0xc5]) // "견적 회신"
    const euc = Buffer.concat([
      Buffer.from(`From: Me <${user.user}>\r\nTo: kim@client.example\r\nBcc: ${tag}\r\nSubject: `),
      subject,
      Buffer.from('\r\nMessage-ID: <euc@mail.example>\r\nContent-Type: text/plain; charset=euc-kr\r\n\r\nbody\r\n'),
    ])
    await server.append(user.user, server.sentName, euc)
    await server.append(user.user, server.sentName, rawMessage({ from: user.user, bcc: tag, messageId: null, subject: 'No id' }))
    const big = rawMessage({ from: user.user, bcc: tag, messageId: '<big@mail.example>', subject: 'Big', body: `short text\r\n${'x'.repeat(998)}\r\n`.repeat(1) })
    const filler = `${'y'.repeat(76)}\r\n`.repeat(Math.ceil((30 * 1024 * 1024) / 78))
    await server.append(user.user, server.sentName, big.replace('short text', `short text\r\n${filler}`))

    const [entry] = await w.mail.checkAll()
    expect(entry!.status.error).toBeNull()
    expect(entry!.status.skipped).toEqual([
      expect.objectContaining({ folder: 'Tickler', reason: expect.stringContaining('no mail header') }),
    ])
    const korean = await w.library.getNote(sentNoteId('<euc@mail.example>'))
    expect(korean.title).toBe('견적 회신')
    expect(korean.mail?.remarks.join(' ')).toMatch(/EUC-KR/)
    const noId = w.library.listNotes({}).find((n) => n.title === 'No id')
    expect(noId).toBeDefined()
    expect((await w.library.getNote(noId!.id)).mail?.remarks.join(' ')).toMatch(/no Message-ID/)
    const bigNote = await w.library.getNote(sentNoteId('<big@mail.example>'))
    expect(bigNote.text.startsWith('short text')).toBe(true)
    expect(bigNote.text.length).toBeLessThanOrEqual(600 * 1024)
    // Checked again: nothing doubled, the message without an id included.
    await w.mail.checkAll()
    expect(w.library.listNotes({})).toHaveLength(3)
  }, 120_000)

  it('refuses a server whose certificate it does not trust, naming the account and the cause', async () => {
    const user = fresh()
    const w = await makeWorld(server, tempDir(), user)
    const [entry] = w.mail.entries()
    await w.mail.update(entry!.account.id, { trustedCertificate: null })
    const after = await w.mail.check(entry!.account.id)
    expect(after.status.state).toBe('error')
    expect(after.status.error).toMatchObject({ kind: 'certificate' })
    expect(after.status.error!.message).toContain(`${user.user} on 127.0.0.1`)
    expect(after.status.error!.message).toMatch(/self-signed/)
    // The certificate it showed can then be trusted, after which the check goes through.
    const fingerprint = after.status.error!.certificate!.fingerprint
    const trusted = await w.mail.trustCertificate(entry!.account.id, fingerprint)
    expect(trusted.account.trustedCertificate?.fingerprint).toBe(fingerprint)
    expect((await w.mail.check(entry!.account.id)).status.error).toBeNull()
  })

  it('says so clearly when the password is wrong, and checks again with the new one', async () => {
    const user = fresh()
    const w = await makeWorld(server, tempDir(), user)
    const [entry] = w.mail.entries()
    await w.secrets.set(entry!.account.id, 'wrong')
    const failed = await w.mail.check(entry!.account.id)
    expect(failed.status.error).toMatchObject({ kind: 'auth' })
    expect(failed.status.error!.message).toMatch(new RegExp(`^${user.user} on 127.0.0.1: the server refused the user name or password`))
    const fixed = await w.mail.update(entry!.account.id, {}, user.password)
    expect(fixed.account.id).toBe(entry!.account.id)
    expect((await w.mail.check(entry!.account.id)).status.error).toBeNull()
  })

  it('reconnects when the server drops the connection during IDLE: nothing missed, nothing doubled', async () => {
    const user = fresh()
    const states: string[] = []
    const w = await makeWorld(server, tempDir(), user, {
      pollMs: 60_000,
      onChange: () => void states.push(w.mail.entries()[0]?.status.state ?? 'none'),
    })
    const id = `<idle-${Date.now()}@mail.example>`
    await server.append(user.user, server.sentName, rawMessage({ from: user.user, bcc: tagOf(user.user), messageId: id }))
    w.mail.start()
    // Waits for a condition; the test's own timeout reports a wait that never ends.
    const until = async (ok: () => boolean | Promise<boolean>) => {
      while (!(await ok())) await new Promise((r) => setTimeout(r, 20))
    }
    await until(() => w.library.listNotes({}).length === 1)
    await until(() => w.mail.entries()[0]!.status.state === 'connected')
    states.length = 0
    await server.kick(user.user)
    await until(() => states.includes('error'))
    // While it is down (or reconnecting), the reply arrives.
    await server.append(user.user, 'INBOX', rawMessage({ from: 'Kim <kim@client.example>', to: user.user, inReplyTo: id }))
    await until(async () => (await w.library.getNote(sentNoteId(id))).doneAt !== null)
    expect(w.library.listNotes({}).map((n) => n.id)).toEqual([sentNoteId(id)])
    const note = await w.library.getNote(sentNoteId(id))
    expect(note.history.filter((h) => h.kind === 'done')).toHaveLength(1)
    expect(w.mail.entries()[0]!.status.counts).toMatchObject({ tracked: 1, replies: 1 })
  }, 60_000)
})
