import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../library'
import { rawMessage } from '../mail/raw-message'
import { MemorySecrets } from '../mail/secrets'
import { MailService } from '../mail/service'
import { sentNoteId } from '../mail/note-ids'
import { openSettings } from '../settings'
import { dovecotMissing, startDovecot, type Dovecot, type DovecotUser } from '../test-support/dovecot-server'
import type { Library } from '../types'
import { percentile } from './figures'

/**
 * `tickler bench --mail`: against a real Dovecot on 127.0.0.1, a Sent folder of N messages (one in
 * TRACK_EVERY carries the Bcc tag, as tracked mail is a small share of what people send) is put in place
 * with APPEND, then the first scan is timed with RSS sampled, at a tenth of N too so the two peaks can be
 * compared (memory must not grow with the folder). Then, with the account watched (IDLE), replies are
 * APPENDed to the Inbox one at a time and the time until each one's follow-up is done is measured.
 */
const TRACK_EVERY = 50
const SAMPLE_MS = 20

export interface ScanFigures {
  messages: number
  tracked: number
  appendS: number
  scanS: number
  /** Resident memory just before the scan, and the highest sample during it. */
  rssBeforeMB: number
  rssPeakMB: number
  rssGrowthMB: number
}

export interface MailBenchResult {
  scans: ScanFigures[]
  replies: { count: number; p50Ms: number; p95Ms: number; maxMs: number; targetP95Ms: number }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)

/** The highest RSS seen while `work` runs, sampled every SAMPLE_MS (the timer keeps firing between awaits). */
async function sampled<T>(work: () => Promise<T>): Promise<{ value: T; before: number; peak: number }> {
  const before = process.memoryUsage.rss()
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), SAMPLE_MS)
  try {
    const value = await work()
    return { value, before, peak: Math.max(peak, process.memoryUsage.rss()) }
  } finally {
    clearInterval(timer)
  }
}

interface World {
  library: Library
  mail: MailService
  accountId: string
  /** Resolves at the first account change after which `ready` holds. */
  until(ready: () => boolean): Promise<void>
  close(): Promise<void>
}

async function openWorld(server: Dovecot, user: DovecotUser, dir: string): Promise<World> {
  const library = await openLibrary(dir, { holder: 'bench' })
  const settings = await openSettings(dir, false)
  const waiting = new Set<() => void>()
  const mail = await MailService.open({
    library,
    settings,
    secrets: new MemorySecrets(),
    timeZone: () => 'UTC',
    onChange: () => waiting.forEach((w) => w()),
  })
  const account = await mail.add(
    {
      host: server.host,
      port: server.port,
      security: 'tls',
      user: user.user,
      auth: { method: 'password', source: { kind: 'keychain' } },
      trustedCertificate: {
        pem: server.certPem,
        info: { fingerprint: 'bench', subject: '', issuer: '', validTo: '' },
      },
    },
    user.password,
  )
  return {
    library,
    mail,
    accountId: account.id,
    until: (ready) =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (!ready()) return
          waiting.delete(check)
          resolve()
        }
        waiting.add(check)
        check()
      }),
    close: async () => {
      await mail.stop()
      await library.close()
    },
  }
}

const sentId = (user: string, i: number) => `<bench-${i}.${user.replace(/\W/g, '')}@mail.example>`

async function fillSent(server: Dovecot, user: DovecotUser, count: number): Promise<number> {
  const client = await server.client(user.user)
  const started = performance.now()
  try {
    for (let i = 0; i < count; i++) {
      const tracked = i % TRACK_EVERY === 0
      const raw = rawMessage({
        from: `Me <${user.user}>`,
        to: `Customer ${i} <buyer${i}@client${i % 97}.example>`,
        messageId: sentId(user.user, i),
        subject: `Quote ${i} for ${100 + (i % 900)} units`,
        ...(tracked ? { bcc: user.user.replace('@', '+tickler@') } : {}),
        body: `Hello,\r\nhere is quote ${i}.\r\n${'Terms and prices follow. '.repeat(20)}\r\n`,
      })
      await client.append(server.sentName, raw, ['\\Seen'])
    }
  } finally {
    await client.logout().catch(() => client.close())
  }
  return (performance.now() - started) / 1000
}

async function firstScan(
  server: Dovecot,
  user: DovecotUser,
  count: number,
  dir: string,
): Promise<{ figures: ScanFigures; world: World }> {
  const world = await openWorld(server, user, dir)
  const appendS = await fillSent(server, user, count)
  const started = performance.now()
  const { value: entry, before, peak } = await sampled(() => world.mail.check(world.accountId))
  const scanS = (performance.now() - started) / 1000
  if (entry.status.error) throw new Error(`the first scan failed: ${entry.status.error.message}`)
  return {
    world,
    figures: {
      messages: count,
      tracked: entry.status.counts.tracked,
      appendS: Math.round(appendS * 10) / 10,
      scanS: Math.round(scanS * 100) / 100,
      rssBeforeMB: mb(before),
      rssPeakMB: mb(peak),
      rssGrowthMB: mb(peak - before),
    },
  }
}

/** Resolves when the note's follow-up is done, from the library's change events (no polling). */
function doneSoon(library: Library, noteId: string): Promise<void> {
  return new Promise((resolve) => {
    const off = library.onChange((change) => {
      if (change.notes.some((n) => n.id === noteId && n.doneAt)) {
        off()
        resolve()
      }
    })
  })
}

async function replyLatencies(
  server: Dovecot,
  user: DovecotUser,
  world: World,
  count: number,
  tracked: number,
): Promise<number[]> {
  world.mail.start()
  // Watching starts with a catch-up; the first reply is sent once the watcher is connected and idle.
  await world.until(() => world.mail.entry(world.accountId).status.state === 'connected')
  const client = await server.client(user.user)
  const times: number[] = []
  try {
    for (let r = 0; r < count; r++) {
      const id = sentId(user.user, ((r * 7) % tracked) * TRACK_EVERY)
      const done = doneSoon(world.library, sentNoteId(id))
      const raw = rawMessage({
        from: `Customer <buyer@client.example>`,
        to: user.user,
        subject: 'Re: quote',
        inReplyTo: id,
        references: id,
      })
      const started = performance.now()
      await client.append('INBOX', raw)
      await done
      times.push(performance.now() - started)
    }
  } finally {
    await client.logout().catch(() => client.close())
  }
  return times
}

export async function runMailBench(
  messages: number,
  replies: number,
  say: (line: string) => void,
): Promise<MailBenchResult> {
  const missing = dovecotMissing()
  if (missing) throw new Error(`bench --mail needs a real IMAP server: ${missing}`)
  const small = Math.max(100, Math.round(messages / 10))
  const users = [
    { user: 'small@example.com', password: 'bench-1' },
    { user: 'large@example.com', password: 'bench-2' },
  ]
  const server = await startDovecot({ users })
  const dirs: string[] = []
  const worlds: World[] = []
  try {
    const scans: ScanFigures[] = []
    for (const [user, count] of [
      [users[0]!, small],
      [users[1]!, messages],
    ] as const) {
      const dir = await mkdtemp(join(tmpdir(), 'tickler-mail-bench-'))
      dirs.push(dir)
      say(`APPENDing ${count} messages to Sent, then the first scan…`)
      const { figures, world } = await firstScan(server, user, count, dir)
      worlds.push(world)
      scans.push(figures)
    }
    say(`${replies} replies while IDLE…`)
    const large = worlds[1]!
    const times = (await replyLatencies(server, users[1]!, large, replies, scans[1]!.tracked)).sort(
      (a, b) => a - b,
    )
    const ms = (v: number) => Math.round(v)
    return {
      scans,
      replies: {
        count: times.length,
        p50Ms: ms(percentile(times, 0.5)),
        p95Ms: ms(percentile(times, 0.95)),
        maxMs: ms(times.at(-1)!),
        targetP95Ms: 2000,
      },
    }
  } finally {
    for (const w of worlds) await w.close()
    await server.stop()
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  }
}
