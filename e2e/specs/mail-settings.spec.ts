import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  dovecotMissing,
  freePort,
  startDovecot,
  type Dovecot,
} from '../../electron/core/test-support/dovecot-server'
import { rawMessage } from '../../electron/core/mail/raw-message'
import { expect, test } from '../fixtures'

/**
 * Settings → Mail accounts and a note made from a sent message, against a real Dovecot started here on
 * 127.0.0.1 (the preview server runs in this process, so it reaches it as the app would).
 */
const missing = dovecotMissing()
test.skip(missing !== null, `needs a real IMAP server: ${missing}`)
test.describe.configure({ timeout: 120_000 })

const users = [1, 2, 3].map((i) => ({ user: `me${i}@example.com`, password: `app-password-${i}` }))
let server: Dovecot
test.beforeAll(async () => {
  server = await startDovecot({ users, folders: ['Tickler'] })
})
test.afterAll(async () => server?.stop())

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

test('adds an account from Settings: test shows the certificate, the wrong password and an unreachable port, then it connects', async ({
  app: page,
  preview,
}) => {
  const me = users[0]!
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const settings = page.getByRole('dialog', { name: 'Settings' })
  const section = settings.getByRole('region', { name: 'Mail accounts' })
  await expect(section.getByText('No mail account yet.')).toBeVisible()
  // The preview has no keychain and says where the password goes instead.
  await expect(
    section.getByText(/kept in the preview server’s memory only, never written to disk/),
  ).toBeVisible()

  await section.getByRole('button', { name: 'Add mail account' }).click()
  const form = section.getByRole('form', { name: 'New mail account' })
  await form.getByRole('button', { name: 'Test connection' }).click()
  await expect(form.getByRole('alert')).toHaveText('Fill in the server, the user name and the app password.')

  await form.getByRole('textbox', { name: 'IMAP server' }).fill('127.0.0.1')
  await form.getByRole('textbox', { name: 'Port' }).fill(String(server.port))
  await expect(form.getByRole('radio', { name: 'TLS (port 993)' })).toBeChecked()
  await form.getByRole('textbox', { name: 'User name' }).fill(me.user)
  await form.getByLabel('App password').fill('wrong-password')
  await form.getByRole('button', { name: 'Test connection' }).click()
  // The test server's certificate is self-signed: nothing is sent until the user trusts it.
  await expect(
    form.getByText(
      `${me.user} on 127.0.0.1: the server’s certificate is not verified, so nothing was sent to it.`,
    ),
  ).toBeVisible()
  await expect(form.getByText(/SHA-256 fingerprint [0-9A-F:]{95}/)).toBeVisible()
  await form.getByRole('checkbox', { name: 'Trust this certificate' }).check()
  await form.getByRole('button', { name: 'Test connection' }).click()
  await expect(
    form.getByText(
      `${me.user} on 127.0.0.1: the server refused the user name or password. Gmail, Outlook and Naver need an app password, not the account’s own.`,
    ),
  ).toBeVisible()
  // Core's own sentence, quoting the server, is one step away.
  await form.getByText('Details').click()
  await expect(form.getByText(/the server said: "Authentication failed\."/)).toBeVisible()

  await form.getByLabel('App password').fill(me.password)
  await form.getByRole('button', { name: 'Test connection' }).click()
  await expect(form.getByRole('status')).toContainText(
    'Connected: the user name and password work. Sent mail is read from “Sent”.',
  )
  await expect(form.getByRole('status')).toContainText('The folder “Tickler” is there.')
  expect(await page.evaluate(() => window.tickler.mail.accounts({}))).toMatchObject({ accounts: [] })

  // Another port is another server: the trust is dropped with the test, and a closed port says so.
  await form.getByRole('textbox', { name: 'Port' }).fill(String(await freePort()))
  await form.getByRole('button', { name: 'Test connection' }).click()
  await expect(form.getByText(/^me1@example.com on 127.0.0.1: the server cannot be reached/)).toBeVisible()
  await form.getByRole('textbox', { name: 'Port' }).fill(String(server.port))
  await form.getByRole('button', { name: 'Test connection' }).click()
  await form.getByRole('checkbox', { name: 'Trust this certificate' }).check()

  await form.getByRole('checkbox', { name: /Track every message to people outside my domain/ }).check()
  await form.getByRole('button', { name: 'Add account' }).click()
  const row = section.getByRole('listitem', { name: me.user })
  await expect(row.getByText('Connected')).toBeVisible()
  await expect(row.getByText(/^Last check /)).toBeVisible()
  await expect(
    row.getByRole('checkbox', { name: 'Track every message to people outside my domain' }),
  ).toBeChecked()

  // The password went to core only: never back to the page, never into the library folder.
  const listed = JSON.stringify(await page.evaluate(() => window.tickler.mail.accounts({})))
  expect(listed).not.toContain(me.password)
  for (const file of await filesUnder(preview.dataDir))
    expect(await readFile(file, 'utf8'), file).not.toContain(me.password)

  await row.getByRole('checkbox', { name: 'Track every message to people outside my domain' }).uncheck()
  await expect
    .poll(
      async () =>
        (await page.evaluate(() => window.tickler.mail.accounts({}))).accounts[0]?.account.trackExternal,
    )
    .toBe(false)

  await row.getByRole('button', { name: 'Remove' }).click()
  await expect(row.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expect(section.getByText('No mail account yet.')).toBeVisible()
  expect(await page.evaluate(() => window.tickler.mail.accounts({}))).toMatchObject({ accounts: [] })
})

test('a note made from a sent message shows where it came from and who replied', async ({ page, notes }) => {
  const me = users[1]!
  await page.evaluate(
    async ({ port, user, password }) => {
      const settings = { host: '127.0.0.1', port, security: 'tls' as const, user, password }
      const shown = await window.tickler.mail.test(settings)
      await window.tickler.mail.add({ ...settings, trustFingerprint: shown.error!.certificate!.fingerprint })
    },
    { port: server.port, ...me },
  )
  const messageId = `<quote-${Date.now()}@mail.example>`
  await server.append(
    me.user,
    'Sent',
    rawMessage({
      from: `Me <${me.user}>`,
      messageId,
      bcc: me.user.replace('@', '+tickler@'),
      subject: 'Quote for 200 units',
    }),
  )
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('listitem', { name: me.user }).getByRole('button', { name: 'Check now' }).click()
  await expect(
    page.getByRole('listitem', { name: me.user }).getByText('1 tracked · 0 replied · 0 filed'),
  ).toBeVisible()
  await page.keyboard.press('Escape')

  await notes.openNote('Quote for 200 units')
  const source = page.getByRole('region', { name: 'Where this note came from' })
  await expect(source).toContainText(`From mail you sent · via ${me.user} · To Kim Minsu`)
  await expect(source).toContainText(`Message-ID: ${messageId}`)
  // The preview opens no mail program, and says so rather than showing a button that does nothing.
  await expect(source.getByText('No mail program on this computer opens message links')).toBeVisible()
  await expect(source.getByRole('button', { name: 'Open in mail' })).toHaveCount(0)

  await server.append(
    me.user,
    'INBOX',
    rawMessage({
      from: 'Kim Minsu <kim@client.example>',
      to: me.user,
      subject: 'Re: Quote for 200 units',
      inReplyTo: messageId,
    }),
  )
  // IDLE brings the reply in; the open note shows it without a reload.
  await expect(source.getByText(/^Replied by Kim Minsu, /)).toBeVisible({ timeout: 30_000 })
})
