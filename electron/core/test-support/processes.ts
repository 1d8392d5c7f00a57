import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { createServer, connect } from 'node:net'

/*
 * What the real-server fixtures (Dovecot, Syncthing) need from the operating system: free ports on
 * 127.0.0.1, waiting for a listener, starting a daemon, and finding every process a server started so a
 * test can prove it stopped them all.
 */

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

/** Resolves once something accepts connections on 127.0.0.1:port; throws after the deadline (ms epoch). */
export async function waitForPort(port: number, deadline: number, name = 'The server'): Promise<void> {
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
    if (Date.now() > deadline) throw new Error(`${name} did not listen on port ${port}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/**
 * Starts a program that forks into the background. Its stdio is not piped: the daemon would hold the
 * pipes open and execFile would wait forever. The exit code of the launcher tells whether it started.
 */
export async function daemonise(cmd: string, args: string[], log: string): Promise<void> {
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
export async function childrenOf(pid: number): Promise<number[]> {
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

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
