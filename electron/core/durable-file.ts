import { closeSync, fsync, fsyncSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { promisify } from 'node:util'
import { basename, dirname, join } from 'node:path'
import { randomHex } from './random-hex'

/** Temp files carry this prefix so a crash's leftovers can be recognised and removed on open. */
export const TEMP_PREFIX = '.tmp-'

function tempPathFor(path: string): string {
  return join(dirname(path), `${TEMP_PREFIX}${basename(path)}.${randomHex(4)}`)
}

/** Windows cannot open a directory for fsync; there the rename itself is what NTFS journals. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Replaces `path` so that after this resolves the new content survives a crash or power loss, and at
 * no moment can a reader (or a crash) see a half-written file: temp → fsync → rename → fsync dir.
 */
export async function writeFileDurable(path: string, data: string | Uint8Array): Promise<void> {
  const batch = new DurableBatch()
  await batch.stage(path, data)
  await batch.commit()
}

interface Staged {
  path: string
  temp: string
  fd: number
}

const fsyncAsync = promisify(fsync)

/**
 * Many files made durable together, with the guarantees of writeFileDurable for each, at the cost of
 * far fewer waits: stage() writes each to a temp file beside its target without syncing; commit() syncs
 * them all at once (the file system flushes them in one go), renames them into place in staging order
 * and syncs each folder once. Until commit() renames a file, a crash leaves at most a temp file.
 * Staging and renaming are synchronous calls: they only touch the page cache and the directory, and a
 * round trip through the thread pool for each would cost more than the call itself.
 */
export class DurableBatch {
  private staged: Staged[] = []
  /** Bytes staged and not yet committed, so a caller can commit before a batch grows large. */
  bytes = 0

  get count(): number {
    return this.staged.length
  }

  has(path: string): boolean {
    return this.staged.some((s) => s.path === path)
  }

  async stage(path: string, data: string | Uint8Array): Promise<void> {
    const temp = tempPathFor(path)
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeFileSync(fd, data)
    } catch (error) {
      closeSync(fd)
      removeTemp(temp)
      throw error
    }
    this.staged.push({ path, temp, fd })
    this.bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength
  }

  /** Makes every staged file durable under its own name; `placed` hears each one as it is renamed. */
  async commit(placed?: (path: string) => void): Promise<void> {
    const staged = this.staged
    this.staged = []
    this.bytes = 0
    let next = 0
    try {
      await Promise.all(staged.map((s) => fsyncAsync(s.fd)))
      for (const s of staged) closeSync(s.fd)
      for (; next < staged.length; next++) {
        renameSync(staged[next]!.temp, staged[next]!.path)
        placed?.(staged[next]!.path)
      }
    } catch (error) {
      removeTemps(staged.slice(next))
      throw error
    }
    for (const dir of new Set(staged.map((s) => dirname(s.path)))) await fsyncDir(dir)
  }

  /** Drops everything staged: no target is touched. */
  discard(): void {
    const staged = this.staged
    this.staged = []
    this.bytes = 0
    removeTemps(staged)
  }
}

function removeTemps(staged: Staged[]): void {
  for (const s of staged) {
    try {
      closeSync(s.fd)
    } catch {
      // already closed by a commit that failed later
    }
    removeTemp(s.temp)
  }
}

function removeTemp(temp: string): void {
  try {
    unlinkSync(temp)
  } catch {
    // already gone
  }
}

/** The synchronous twin, for the lock file and for shutdown paths that cannot await. */
export function writeFileDurableSync(path: string, data: string): void {
  const temp = tempPathFor(path)
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, data)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  try {
    renameSync(temp, path)
  } catch (error) {
    try {
      unlinkSync(temp)
    } catch {
      /* already gone */
    }
    throw error
  }
  if (process.platform !== 'win32') {
    const dirFd = openSync(dirname(path), 'r')
    try {
      fsyncSync(dirFd)
    } finally {
      closeSync(dirFd)
    }
  }
}
