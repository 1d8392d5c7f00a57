import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Temp files carry this prefix so a crash's leftovers can be recognised and removed on open. */
export const TEMP_PREFIX = '.tmp-'

function tempPathFor(path: string): string {
  return join(dirname(path), `${TEMP_PREFIX}${basename(path)}.${randomBytes(4).toString('hex')}`)
}

/** Windows cannot open a directory for fsync; there the rename itself is what NTFS journals. */
async function fsyncDir(dir: string): Promise<void> {
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
  const temp = tempPathFor(path)
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(data, 'utf8')
    await handle.sync()
  } catch (error) {
    await handle.close()
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await handle.close()
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
  await fsyncDir(dirname(path))
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
