import { closeSync, openSync, readFileSync, unlinkSync, writeSync, fsyncSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { TicklerError } from '../shared/rpc'

export const LOCK_FILE = '.lock'

interface LockInfo {
  pid: number
  holder: string
  host: string
  since: string
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still a live writer.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>
    return typeof info.pid === 'number' ? (info as LockInfo) : null
  } catch {
    return null
  }
}

/** Who holds the library right now, or null when no live writer does. */
export function lockHolder(dataDir: string): LockInfo | null {
  const info = readLock(join(dataDir, LOCK_FILE))
  if (!info) return null
  if (info.host === hostname() && !isAlive(info.pid)) return null
  return info
}

export function describeHolder(info: LockInfo): string {
  const who = info.holder === 'app' ? 'the Tickler app' : `tickler ${info.holder}`
  return `The library is in use by ${who} (process ${info.pid} on ${info.host} since ${info.since}). Close it and try again.`
}

/**
 * Makes this process the library's only writer. The lock file is created exclusively; a lock left by
 * a process that no longer runs on this host is taken over. Returns the release function.
 */
export function acquireLock(dataDir: string, holder: string): () => void {
  const path = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number
    try {
      fd = openSync(path, 'wx', 0o600)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const current = lockHolder(dataDir)
      if (current) throw new TicklerError('LOCKED', describeHolder(current))
      // Stale (its process is gone) or unreadable (crashed mid-write): remove it and try again.
      try {
        unlinkSync(path)
      } catch {
        /* another process removed it first */
      }
      continue
    }
    const info: LockInfo = { pid: process.pid, holder, host: hostname(), since: new Date().toISOString() }
    writeSync(fd, JSON.stringify(info))
    fsyncSync(fd)
    closeSync(fd)
    let released = false
    return () => {
      if (released) return
      released = true
      if (readLock(path)?.pid === process.pid) unlinkSync(path)
    }
  }
  throw new TicklerError('LOCKED', 'Could not take the library lock; another Tickler keeps taking it.')
}
