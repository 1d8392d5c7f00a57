import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeWithDovecot, startDovecot, type Dovecot, type DovecotUser } from '../test-support/dovecot'
import { useTempDirs } from '../test-support/temp-dir'
import { sentNoteId } from './note-ids'
import { rawMessage, tagOf, testUsers, useMailWorld, type MailWorld } from './test-mail'

const HOUR = 3_600_000

describeWithDovecot('tracking sent mail on a real IMAP server', () => {
  let server: Dovecot
  const tempDir = useTempDirs()
  const makeWorld = useMailWorld()
  const users = testUsers(6)
  let next = 0
  beforeAll(async () => {
    // A Korean name for Sent: it is found by its \Sent flag, never by name.
    server = await startDovecot({ users, sentName: '보낸편지함', folders: ['Tickler'] })
  }, 60_000)
  afterAll(async () => server?.stop())

  type Raw = Parameters<typeof rawMessage>[0]
  /** A fresh library and a test user of its own, with helpers that put mail in its folders. */
  async function world(dir = tempDir(), user: DovecotUser = users[next++]!) {
    const w: MailWorld = await makeWorld(server, dir, user)
    const me = `Me <${user.user}>`
    return Object.assign(w, {
      user,
      me,
      send: (id: string, extra: Raw = {}) =>
        server.append(user.user, server.sentName, rawMessage({ from: me, messageId: id, bcc: tagOf(user.user), ...extra })),
      receive: (extra: Raw) => server.append(user.user, 'INBOX', rawMessage({ to: user.user, ...extra })),
    })
  }

  it('makes a note with a 48-hour follow-up from a message sent with the Bcc tag, and closes it on the reply', async () => {
    const w = await world()
    const id = `<quote-${Date.now()}@mail.example>`
    const sentAt = new Date(Date.now() - 60_000)
    await w.send(id, {
      date: sentAt,
      body: 'Hello Kim,\r\nthe quote is attached.\r\n\r\nOn Mon, 1 Dec 2026, Kim wrote:\r\n> can you send a quote?',
    })
    await w.receive({ from: 'News <news@news.example>', messageId: `<newsletter-${Date.now()}@news.example>` })
    const [entry] = await w.mail.checkAll()
    expect(entry!.status.error).toBeNull()
    expect(entry!.status.folders.sent).toBe('보낸편지함')

    const note = await w.library.getNote(sentNoteId(id))
    expect(note.title).toBe('Quote for 200 units')
    expect(note.text).toContain('the quote is attached')
    expect(note.text).not.toContain('can you send a quote')
    expect(note.followUp?.waitingOn).toBe('Kim Minsu')
    expect(Date.parse(note.followUp!.dueAt) - Math.floor(sentAt.getTime() / 1000) * 1000).toBe(48 * HOUR)
    expect(note.mail?.messageId).toBe(id)
    // Only the tracked message became a note.
    expect(w.library.listNotes({})).toHaveLength(1)

    await w.receive({ from: 'Kim Minsu <kim@client.example>', subject: 'Re: Quote', inReplyTo: id, references: id })
    await w.mail.checkAll()
    const done = await w.library.getNote(sentNoteId(id))
    expect(done.doneAt).not.toBeNull()
    expect(done.followUp).toBeNull()
    expect(done.history.at(-1)?.detail).toMatch(/^Replied by Kim Minsu, \d{4}-\d\d-\d\d \d\d:\d\d$/)

    // The fake clock passes the old due time: no reminder for a follow-up that was answered.
    w.clock.now = new Date(Date.now() + 49 * HOUR)
    await w.followUps.recheck()
    expect(w.notifier.shown).toEqual([])
  })

  it('closes on a reply by a third person on the thread (References only), not on the user\'s own nudge', async () => {
    const w = await world()
    const id = `<thread-${Date.now()}@mail.example>`
    await w.send(id)
    await w.mail.checkAll()
    await w.receive({ from: w.me, to: 'kim@client.example', subject: 'Re: nudge', inReplyTo: id })
    await w.mail.checkAll()
    expect((await w.library.getNote(sentNoteId(id))).doneAt).toBeNull()
    await w.receive({ from: 'Park <park@client.example>', subject: 'Re: Quote', references: `<older@x> ${id}` })
    await w.mail.checkAll()
    const note = await w.library.getNote(sentNoteId(id))
    expect(note.doneAt).not.toBeNull()
    expect(note.history.at(-1)?.detail).toMatch(/^Replied by Park,/)
  })

  it('finds a reply that came while Tickler was stopped on the next start, before any reminder', async () => {
    const w = await world()
    const id = `<closed-${Date.now()}@mail.example>`
    await w.send(id)
    await w.mail.checkAll()
    await w.mail.stop()
    await w.receive({ from: 'Kim <kim@client.example>', subject: 'Re: Quote', inReplyTo: id })
    w.clock.now = new Date(Date.now() + 72 * HOUR)
    await w.reopen()
    // As the app starts: mail catch-up first, reminders after.
    await w.mail.checkAll()
    await w.followUps.start()
    expect((await w.library.getNote(sentNoteId(id))).doneAt).not.toBeNull()
    expect(w.notifier.shown).toEqual([])
  })

  it('leaves a follow-up the user moved by hand to the user, recording the reply', async () => {
    const w = await world()
    const id = `<moved-${Date.now()}@mail.example>`
    await w.send(id)
    await w.mail.checkAll()
    await w.followUps.actions.snooze(sentNoteId(id), '5d')
    await w.receive({ from: 'Kim <kim@client.example>', subject: 'Re: Quote', inReplyTo: id })
    await w.mail.checkAll()
    const note = await w.library.getNote(sentNoteId(id))
    expect(note.doneAt).toBeNull()
    expect(note.followUp).not.toBeNull()
    expect(note.mail?.reply).toMatchObject({ name: 'Kim', closedFollowUp: false })
  })

  it('reads +tickler-3d as three days and tracks outside recipients only when the account opts in', async () => {
    const w = await world()
    const tagged = `<three-${Date.now()}@mail.example>`
    const external = `<external-${Date.now()}@mail.example>`
    const internal = `<internal-${Date.now()}@mail.example>`
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000)
    await w.send(tagged, { bcc: tagOf(w.user.user, '3d'), date: at })
    await w.send(external, { bcc: undefined, to: 'lee@other.example' })
    await w.send(internal, { bcc: undefined, to: 'colleague@example.com' })
    await w.mail.checkAll()
    expect(Date.parse((await w.library.getNote(sentNoteId(tagged))).followUp!.dueAt) - at.getTime()).toBe(72 * HOUR)
    expect(w.library.listNotes({}).map((n) => n.id)).toEqual([sentNoteId(tagged)])

    const [entry] = w.mail.entries()
    await w.mail.update(entry!.account.id, { trackExternal: true })
    // Turning it on applies to mail sent from then on: later messages to outside people are tracked.
    const later = `<external2-${Date.now()}@mail.example>`
    await w.send(later, { bcc: undefined, to: 'lee@other.example' })
    await w.send(`<internal2-${Date.now()}@mail.example>`, { bcc: undefined, to: 'colleague@example.com' })
    await w.mail.checkAll()
    const ids = w.library.listNotes({}).map((n) => n.id)
    expect(ids).toContain(sentNoteId(later))
    expect(ids).toHaveLength(2)
  })
})
