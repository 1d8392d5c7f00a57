import { createHash, randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, readdirSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { TicklerError } from '../shared/rpc'

export const LOCK_FILE = '.lock'

const LockInfo = z.object({
  pid: z.number().int().positive(),
  holder: z.string(),
  host: z.string(),
  since: z.string(),
  /** Tells this process's lock from any other, even one with the same pid after a restart. */
  nonce: z.string().optional(),
})
type LockInfo = z.infer<typeof LockInfo>

/** Someone is in the middle of a takeover for longer than this only if it died there. */
const GUARD_MAX_AGE_MS = 30_000
/** How long to keep trying while other processes are taking the same stale lock over. */
const CONTENDED_FOR_MS = 5_000

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM means the process exists but belongs to someone else: still a live writer.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const readText = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** A lock (or takeover guard) whose writer is gone: its process no longer runs on this host, or it is unreadable. */
function isStale(info: LockInfo | null): boolean {
  return info === null || (info.host === hostname() && !isAlive(info.pid))
}

/** Who holds the library right now, or null when no live writer does. */
export function lockHolder(dataDir: string): LockInfo | null {
  const text = readText(join(dataDir, LOCK_FILE))
  const info = text === null ? null : parseLock(text)
  return info && !isStale(info) ? info : null
}

export function describeHolder(info: LockInfo): string {
  const who = info.holder === 'app' ? 'the Tickler app' : `tickler ${info.holder}`
  return `The library is in use by ${who} (process ${info.pid} on ${info.host} since ${info.since}). Close it and try again.`
}

const tempPrefix = (path: string) => `${path}.tmp-`

/**
 * Creates `path` holding `text`, only if nothing is there: the text is written and synced to a temp
 * file first and then hard-linked into place, so no reader ever sees a half-written lock (an empty
 * lock would look stale and be taken over). Where the file system has no hard links, `wx` is used.
 */
function createExclusive(path: string, text: string): boolean {
  const temp = `${tempPrefix(path)}${process.pid}-${randomBytes(4).toString('hex')}`
  const fd = openSync(temp, 'wx', 0o600)
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    linkSync(temp, path)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return false
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error
    return createWithoutLink(path, text)
  } finally {
    unlinkSync(temp)
  }
}

function createWithoutLink(path: string, text: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, text)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  return true
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16)

/**
 * Removes the file at `path` if it still holds `text`, which the caller judged stale. Unlinking by
 * name is not atomic with having read it, so two takers could each remove one lock: the second one the
 * lock the first had just made. So a taker must first create a guard named after this exact stale
 * content; only the guard's creator re-reads and removes, and a lock it then finds changed is left alone.
 * A guard whose own taker died mid-takeover is removed the same way, one level down.
 */
function removeStale(path: string, text: string, self: string, depth = 0): void {
  const guard = `${path}.takeover-${digest(text)}`
  if (createExclusive(guard, self)) {
    try {
      if (readText(path) === text) unlinkSync(path)
    } finally {
      unlinkQuietly(guard)
    }
    return
  }
  const guardText = readText(guard)
  if (guardText === null || depth >= 3) return
  const taker = parseLock(guardText)
  const abandoned = isStale(taker) || Date.now() - Date.parse(taker!.since) > GUARD_MAX_AGE_MS
  if (abandoned) removeStale(guard, guardText, self, depth + 1)
  // Otherwise a live process is taking it over this very moment: the caller looks again.
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** Temp files and takeover guards that a process killed mid-takeover left beside the lock. */
function removeLeftovers(dataDir: string): void {
  let names: string[]
  try {
    names = readdirSync(dataDir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(`${LOCK_FILE}.`)) continue
    const path = join(dataDir, name)
    const temp = /\.tmp-(\d+)-/.exec(name)
    if (temp) {
      if (Number(temp[1]) !== process.pid && !isAlive(Number(temp[1]))) unlinkQuietly(path)
    } else if (name.includes('.takeover-')) {
      // A guard that is gone by now (its taker finished) may be made again this instant: leave it.
      const text = readText(path)
      if (text !== null && isStale(parseLock(text))) unlinkQuietly(path)
    }
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path)
  } catch (error) {
    // Another process cleaned it first.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

/**
 * Makes this process the library's only writer. The lock file is created exclusively and complete; a
 * lock left by a process that no longer runs on this host is taken over (see removeStale), after which
 * creating the lock is attempted again, so of many processes taking over at once exactly one wins.
 * Returns the release function.
 */
export function acquireLock(dataDir: string, holder: string): () => void {
  const path = join(dataDir, LOCK_FILE)
  const info: LockInfo = {
    pid: process.pid,
    holder,
    host: hostname(),
    since: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  }
  const self = JSON.stringify(info)
  const giveUpAt = Date.now() + CONTENDED_FOR_MS
  while (!createExclusive(path, self)) {
    const text = readText(path)
    if (text === null) continue // released or removed since: try again at once
    const current = parseLock(text)
    if (!isStale(current)) throw new TicklerError('LOCKED', describeHolder(current!))
    removeStale(path, text, self)
    if (Date.now() > giveUpAt) {
      throw new TicklerError('LOCKED', 'Could not take the library lock; another Tickler keeps taking it.')
    }
    if (readText(path) === text) pause(2) // another process is mid-takeover; give it a moment
  }
  removeLeftovers(dataDir)
  let released = false
  return () => {
    if (released) return
    released = true
    if (parseLock(readText(path) ?? '')?.nonce === info.nonce) unlinkSync(path)
  }
}
