import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { type z } from 'zod'
import { MailHost, PasswordSource, type MailAccountEntry } from '../shared/contract-mail'
import { TicklerError, describeZodError } from '../shared/rpc'
import { openSettings } from '../core/settings'
import { certificateFromPem, type SeenCertificate } from '../core/mail/connection'
import { MemorySecrets } from '../core/mail/secrets'
import { MailService } from '../core/mail/service'
import type { Library } from '../core'
import { withLibrary, type Context } from './commands'
import { UsageError } from './io'

/**
 * tickler mail add | check --once | list | remove: the whole mail flow without a window. The command
 * line never stores a password: it names an environment variable (or a 0600 file) that is read again
 * at every check.
 */
const CLI_NO_KEYCHAIN =
  "the password is in the app's keychain, which the command line cannot read; add the account here with --password-env"

async function withMail<T>(ctx: Context, write: boolean, use: (mail: MailService, lib: Library) => Promise<T>): Promise<T> {
  return withLibrary(ctx, write, async (library) => {
    const settings = await openSettings(library.dataDir, !write)
    const mail = await MailService.open({
      library,
      settings,
      secrets: new MemorySecrets(CLI_NO_KEYCHAIN),
      env: ctx.env ?? process.env,
      now: ctx.now,
      timeZone: typeof ctx.values.tz === 'string' ? () => ctx.values.tz as string : undefined,
      readOnly: !write,
    })
    try {
      return await use(mail, library)
    } finally {
      await mail.stop()
    }
  })
}

const str = (ctx: Context, name: string) => (typeof ctx.values[name] === 'string' ? (ctx.values[name]) : undefined)

function parsed<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value)
  if (!r.success) throw new UsageError(`${what}: ${describeZodError(r.error)}`)
  return r.data
}

function describeEntry(e: MailAccountEntry): string {
  const a = e.account
  const s = e.status
  const lines = [
    `${a.id}  ${a.user} on ${a.host}:${a.port} (${a.security === 'tls' ? 'TLS' : 'STARTTLS'})${a.trackExternal ? ', tracks mail to outside addresses' : ''}`,
    `  ${s.error ? `error: ${s.error.message}` : s.lastCheckedAt ? `checked ${s.lastCheckedAt}` : 'not checked yet'}`,
    `  ${s.counts.tracked} tracked, ${s.counts.replies} replies, ${s.counts.filed} filed`,
    ...s.skipped.map((k) => `  skipped ${k.folder} #${k.uid} "${k.subject}": ${k.reason}`),
  ]
  return lines.join('\n')
}

/** tickler mail add --host H [--port P] --user U --password-env NAME [--starttls] [--ca FILE] [--track-external] */
async function add(ctx: Context): Promise<void> {
  const host = parsed(MailHost, str(ctx, 'host') ?? '', '--host')
  const user = str(ctx, 'user')
  if (!user) throw new UsageError('mail add needs --user (the login, usually your address)')
  const envName = str(ctx, 'password-env')
  const file = str(ctx, 'password-file')
  if (!envName === !file) throw new UsageError('mail add needs --password-env NAME or --password-file FILE (one of them)')
  const source = parsed(PasswordSource, envName ? { kind: 'env', name: envName } : { kind: 'file', path: resolve(file!) }, 'password')
  const security = ctx.values.starttls === true ? 'starttls' : 'tls'
  const portText = str(ctx, 'port')
  const port = portText === undefined ? undefined : Number(portText)
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) {
    throw new UsageError(`--port "${portText}" is not a port number`)
  }
  const ca = str(ctx, 'ca')
  let trusted: SeenCertificate | undefined
  if (ca) {
    try {
      trusted = certificateFromPem(await readFile(ca, 'utf8'))
    } catch (error) {
      throw new UsageError(`--ca ${ca}: ${(error as Error).message}`)
    }
  }
  await withMail(ctx, true, async (mail) => {
    const account = await mail.add({
      host,
      port,
      security,
      user,
      email: str(ctx, 'email'),
      label: str(ctx, 'label'),
      ticklerFolder: str(ctx, 'folder'),
      trackExternal: ctx.values['track-external'] === true,
      auth: { method: 'password', source },
      trustedCertificate: trusted ?? null,
    })
    const entry = mail.entry(account.id)
    ctx.io.out(
      ctx.json
        ? JSON.stringify(entry)
        : `Added ${describeEntry(entry)}\nRun "tickler mail check --once" to connect and catch up.`,
    )
  })
}

/** tickler mail check --once: connect, catch up, apply, exit (1 when an account failed). */
async function check(ctx: Context): Promise<void> {
  const only = ctx.positionals[1]
  await withMail(ctx, true, async (mail) => {
    if (!mail.entries().length) throw new TicklerError('NOT_FOUND', 'There is no mail account yet: tickler mail add --host H --user U --password-env NAME')
    if (ctx.values.once !== true) {
      // Without --once: keep watching (IDLE) until Ctrl+C, as the app does while it runs.
      mail.start()
      if (!ctx.json) ctx.io.err('Watching for mail; press Ctrl+C to stop.')
      await new Promise<void>((done) => {
        process.once('SIGINT', done)
        process.once('SIGTERM', done)
      })
      return
    }
    const entries = only ? [await mail.check(only)] : await mail.checkAll()
    ctx.io.out(ctx.json ? JSON.stringify(entries) : entries.map(describeEntry).join('\n'))
    // The outcome is printed in full first; a failed account then makes the exit code 1 with its reason.
    const failures = entries.flatMap((e) => (e.status.error ? [e.status.error.message] : []))
    if (failures.length) throw new Error(failures.join(' '))
  })
}

/** tickler mail list [--json]: the accounts (never a password) and their state. */
async function list(ctx: Context): Promise<void> {
  await withMail(ctx, false, async (mail) => {
    const entries = mail.entries()
    ctx.io.out(
      ctx.json
        ? JSON.stringify(entries)
        : entries.length
          ? entries.map(describeEntry).join('\n')
          : 'No mail accounts. Add one: tickler mail add --host imap.example.com --user me@example.com --password-env MAIL_PASSWORD',
    )
  })
}

/** tickler mail remove <id>: forgets the account and its positions; notes made from its mail stay. */
async function remove(ctx: Context): Promise<void> {
  const id = ctx.positionals[1]
  if (!id) throw new UsageError('mail remove needs the account id (see tickler mail list)')
  await withMail(ctx, true, async (mail) => {
    await mail.remove(id)
    ctx.io.out(ctx.json ? JSON.stringify({ removed: id }) : `Removed ${id}; notes made from its mail stay.`)
  })
}

const SUB: Record<string, (ctx: Context) => Promise<void>> = { add, check, list, remove }

export async function mailCommand(ctx: Context): Promise<void> {
  const sub = ctx.positionals[0]
  const handler = sub ? SUB[sub] : undefined
  if (!handler) throw new UsageError('mail needs one of: add, check --once, list, remove (try: tickler --help)')
  await handler(ctx)
}
