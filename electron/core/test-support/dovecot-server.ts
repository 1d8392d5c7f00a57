import { execFile, execFileSync, spawn } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ImapFlow } from 'imapflow'

const run = promisify(execFile)

/**
 * A real Dovecot for tests and the mail bench: its own config, users, mail folders, certificate and
 * sockets in a temporary folder, listening on 127.0.0.1 only (implicit TLS, and a plain port that allows
 * only STARTTLS). Messages are put in place with IMAP APPEND, as a mail program saves its sent copy.
 */
export interface DovecotUser {
  user: string
  password: string
}

export interface DovecotOptions {
  users?: DovecotUser[]
  /** The name of the \Sent folder; a Korean name proves it is found by its flag. */
  sentName?: string
  /** Extra folders to create for every user (e.g. "Tickler"). */
  folders?: string[]
}

export interface Dovecot {
  dir: string
  host: '127.0.0.1'
  /** Implicit TLS (as port 993). */
  port: number
  /** Plain IMAP that requires STARTTLS before login (as port 143). */
  starttlsPort: number
  /** The server's self-signed certificate: a client that trusts it connects, others are refused. */
  certPem: string
  users: DovecotUser[]
  sentName: string
  /** Appends a raw message as the user; resolves with its UID. */
  append(user: string, mailbox: string, raw: string | Buffer, date?: Date): Promise<number>
  /** A client logged in as the user, trusting the test certificate (close it with logout()). */
  client(user: string): Promise<ImapFlow>
  /** Drops every IMAP connection of the user, as a server restart or a network cut would. */
  kick(user: string): Promise<void>
  /** The server's processes now: the master and every process it started. */
  processes(): Promise<number[]>
  stop(): Promise<void>
}

/**
 * Why the real-server tests cannot run here, or null when they can: Dovecot and openssl must be
 * installed (CI installs dovecot-imapd) and the tests must run as root (Dovecot switches to its users).
 */
export function dovecotMissing(): string | null {
  for (const program of ['dovecot', 'doveadm', 'openssl']) {
    try {
      execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' })
    } catch {
      return `${program} is not installed (apt-get install dovecot-imapd openssl)`
    }
  }
  if (process.getuid?.() !== 0) return 'Dovecot needs root to switch to its own users'
  return null
}

export const DEFAULT_USER: DovecotUser = { user: 'me@example.com', password: 'app-password-1' }

/** A port nobody listens on right now (the kernel picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** A self-signed certificate for 127.0.0.1 and localhost (P-256: quick to make). */
export async function makeCertificate(dir: string, name: string): Promise<{ cert: string; key: string }> {
  const cert = join(dir, `${name}.pem`)
  const key = join(dir, `${name}.key`)
  await run('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', key, '-out', cert, '-days', '7', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ])
  return { cert, key }
}

function config(dir: string, port: number, starttlsPort: number, sentName: string): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <${dir}/server.pem
ssl_key = <${dir}/server.key
ssl_dh = </usr/share/dovecot/dh.pem
auth_mechanisms = plain login
# Tests try wrong passwords on purpose; the default 2 s penalty only slows them down.
auth_failure_delay = 0
first_valid_uid = 8
first_valid_gid = 8
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=mail gid=mail home=${dir}/home/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox "${sentName}" {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${starttlsPort}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${port}
    ssl = yes
  }
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`
}

async function waitForPort(port: number, deadline: number): Promise<void> {
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (ok) return
    if (Date.now() > deadline) throw new Error(`Dovecot did not listen on port ${port}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * Starts a program that forks into the background. Its stdio is not piped: the daemon would hold the
 * pipes open and execFile would wait forever. The exit code of the launcher tells whether it started.
 */
async function daemonise(cmd: string, args: string[], log: string): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'ignore' })
    child.once('error', reject)
    child.once('exit', resolve)
  })
  if (code !== 0) {
    const tail = await readFile(log, 'utf8').catch(() => '')
    throw new Error(`${cmd} exited with ${code}: ${tail.split('\n').slice(-5).join(' | ')}`)
  }
}

/** Direct children of a process, from /proc (Linux, where these tests run). */
async function childrenOf(pid: number): Promise<number[]> {
  const out: number[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (ppid === pid) out.push(Number(entry))
  }
  return out
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const users = options.users ?? [DEFAULT_USER]
  const sentName = options.sentName ?? 'Sent'
  const dir = await mkdtemp(join(tmpdir(), 'tickler-dovecot-'))
  // The dovecot and mail users must reach the config, the certificate and the mail folders.
  await chmod(dir, 0o755)
  await Promise.all(['run', 'state', 'mail', 'home'].map((d) => mkdir(join(dir, d))))
  await run('chown', ['mail:mail', join(dir, 'mail'), join(dir, 'home')])
  const server = await makeCertificate(dir, 'server')
  await chmod(server.key, 0o644)
  await writeFile(join(dir, 'users'), users.map((u) => `${u.user}:{PLAIN}${u.password}`).join('\n') + '\n')
  await chmod(join(dir, 'users'), 0o644)
  const conf = join(dir, 'dovecot.conf')
  let port = 0
  let starttlsPort = 0
  for (let attempt = 0; ; attempt++) {
    port = await freePort()
    starttlsPort = await freePort()
    await writeFile(conf, config(dir, port, starttlsPort, sentName))
    try {
      await daemonise('dovecot', ['-c', conf], join(dir, 'dovecot.log'))
      break
    } catch (error) {
      // Another process took the port between freePort() and the bind: pick again.
      if (attempt >= 4) throw error
    }
  }
  await waitForPort(port, Date.now() + 20_000)
  const certPem = await readFile(server.cert, 'utf8')

  const client = async (user: string) => {
    const found = users.find((u) => u.user === user)
    if (!found) throw new Error(`no test user ${user}`)
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: true,
      auth: { user, pass: found.password },
      tls: { ca: [certPem] },
      logger: false,
      disableAutoIdle: true,
    })
    await c.connect()
    return c
  }

  for (const u of users) {
    if (!options.folders?.length) break
    const c = await client(u.user)
    for (const folder of options.folders) await c.mailboxCreate(folder)
    await c.logout()
  }

  const processes = async () => {
    const pid = Number((await readFile(join(dir, 'run', 'master.pid'), 'utf8').catch(() => '')).trim())
    return pid > 0 && isAlive(pid) ? [pid, ...(await childrenOf(pid))] : []
  }

  return {
    dir,
    host: '127.0.0.1',
    port,
    starttlsPort,
    certPem,
    users,
    sentName,
    client,
    async append(user, mailbox, raw, date) {
      const c = await client(user)
      try {
        const result = await c.append(mailbox, raw, ['\\Seen'], date)
        if (!result || result.uid === undefined) throw new Error(`APPEND to ${mailbox} failed`)
        return result.uid
      } finally {
        await c.logout().catch(() => c.close())
      }
    },
    async kick(user) {
      await run('doveadm', ['-c', conf, 'kick', user])
    },
    processes,
    async stop() {
      // By pid: the master and every process it started, waiting until all are gone before removing
      // the folder they write in (a child still logging would make the removal fail).
      const family = await processes()
      const pid = family[0]
      if (pid) {
        try {
          process.kill(pid, 'SIGTERM')
        } catch {
          // already gone
        }
        while (family.some(isAlive)) await new Promise((r) => setTimeout(r, 20))
      }
      await rm(dir, { recursive: true, force: true })
    },
  }
}
