/**
 * `npx tsx e2e/tools/mail-screenshots.ts [out-dir]`: Settings → Mail accounts (one connected account,
 * one whose password the server refused, the new-account form after a test met a self-signed
 * certificate) and a note made from a sent message that got its reply, in light and dark, English and
 * Korean, against a throw-away Dovecot and preview server. For looking at, not asserting.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { rawMessage } from '../../electron/core/mail/raw-message'
import { dovecotMissing, startDovecot } from '../../electron/core/test-support/dovecot-server'
import { chromiumArgs, chromiumExecutable } from '../browser'
import { ensureRendererBuilt } from '../preview/build-renderer'
import { createPreviewServer } from '../preview/preview-server'
import { looks } from './looks'

const missing = dovecotMissing()
if (missing) throw new Error(`These screenshots need a real IMAP server: ${missing}`)
const outDir = resolve(process.argv[2] ?? 'test-results/screenshots')
await mkdir(outDir, { recursive: true })
await ensureRendererBuilt()
const users = [
  { user: 'minji@example.com', password: 'app-password-1' },
  { user: 'sales@example.com', password: 'app-password-2' },
]
const server = await startDovecot({ users, folders: ['Tickler'] })
const dataDir = await mkdtemp(join(tmpdir(), 'tickler-mail-shots-'))
const preview = await createPreviewServer({ dataDir, port: 0 })
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(preview.url)
  const messageId = '<quote-200@mail.example>'
  await server.append(
    users[0]!.user,
    'Sent',
    rawMessage({
      from: `Minji <${users[0]!.user}>`,
      messageId,
      bcc: 'minji+tickler@example.com',
      subject: 'Quote for 200 units',
    }),
  )
  await server.append(
    users[0]!.user,
    'INBOX',
    rawMessage({
      from: 'Kim Minsu <kim@client.example>',
      to: users[0]!.user,
      subject: 'Re: Quote for 200 units',
      inReplyTo: messageId,
    }),
  )
  await page.evaluate(
    async ({ port, users: [good, bad] }) => {
      const base = { host: '127.0.0.1', port, security: 'tls' as const }
      const shown = await window.tickler.mail.test({ ...base, user: good!.user, password: good!.password })
      const trustFingerprint = shown.error!.certificate!.fingerprint
      await window.tickler.mail.add({
        ...base,
        user: good!.user,
        password: good!.password,
        trustFingerprint,
        label: 'Work',
      })
      await window.tickler.mail.add({
        ...base,
        user: bad!.user,
        password: 'not-the-app-password',
        trustFingerprint,
        trackExternal: true,
      })
    },
    { port: server.port, users },
  )
  for (const { lang, theme, url: look } of looks(preview.url)) {
    await page.goto(look)
    await page.getByRole('option').filter({ hasText: 'Quote for 200 units' }).first().click()
    await page.getByRole('region', { name: /Where this note came from|이 메모의 출처/ }).waitFor()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `mail-note-${lang}-${theme}.png`) })

    await page.getByRole('button', { name: /^(Settings|설정)$/ }).click()
    const section = page.getByRole('region', { name: /^(Mail accounts|메일 계정)$/ })
    await section.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `mail-accounts-${lang}-${theme}.png`) })

    await section.getByRole('button', { name: /^(Add mail account|메일 계정 추가)$/ }).click()
    const form = section.getByRole('form')
    await form.getByRole('textbox', { name: /IMAP/ }).fill('127.0.0.1')
    await form.getByRole('textbox', { name: /^(Port|포트)$/ }).fill(String(server.port))
    await form.getByRole('textbox', { name: /^(User name|사용자 이름)$/ }).fill('new@example.com')
    await form.getByLabel(/^(App password|앱 비밀번호)$/).fill('secret')
    await form.getByRole('button', { name: /^(Test connection|연결 테스트)$/ }).click()
    await form.getByRole('alert').waitFor()
    await form.scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(outDir, `mail-form-${lang}-${theme}.png`) })
  }
} finally {
  await browser.close()
  await preview.close()
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
}
console.log(`Screenshots in ${outDir}`)
