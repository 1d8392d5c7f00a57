import { closeSync, fdatasyncSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { Library, PurgedNote } from './types'

/** How long a note stays in the Trash before it is deleted for good. */
export const TRASH_RETENTION_DAYS = 30
export const PURGE_CHECK_MS = 24 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

export const purgeLogPath = (dataDir: string) => join(dataDir, 'logs', 'trash-purge.log')

/** Notes trashed more than the retention period before `now`, oldest first. */
export function expiredTrash(lib: Library, now: Date): PurgedNote[] {
  const cutoff = now.getTime() - TRASH_RETENTION_DAYS * DAY_MS
  return lib
    .listNotes()
    .filter((s) => s.trashedAt !== null && Date.parse(s.trashedAt) < cutoff)
    .map((s) => ({ id: s.id, title: s.title, trashedAt: s.trashedAt! }))
    .sort((a, b) => a.trashedAt.localeCompare(b.trashedAt))
}

/**
 * Lists every note about to be purged in logs/trash-purge.log (appended and synced) before deleting
 * any of them, so a person can always find out what went and when. Returns the notes it deleted.
 */
export async function purgeExpiredTrash(lib: Library): Promise<PurgedNote[]> {
  const now = lib.now()
  const expired = expiredTrash(lib, now)
  if (expired.length === 0) return []
  appendLog(
    lib.dataDir,
    expired.map((n) => `${now.toISOString()}\tpurge\t${n.id}\ttrashed ${n.trashedAt}\t${JSON.stringify(n.title)}`),
  )
  const purged: PurgedNote[] = []
  for (const note of expired) {
    try {
      await lib.deleteNoteForever(note.id)
      purged.push(note)
    } catch {
      // Already gone (deleted elsewhere) or the disk refused: the next daily check tries again.
    }
  }
  return purged
}

function appendLog(dataDir: string, lines: string[]): void {
  mkdirSync(join(dataDir, 'logs'), { recursive: true })
  const fd = openSync(purgeLogPath(dataDir), 'a', 0o600)
  try {
    writeSync(fd, `${lines.join('\n')}\n`)
    fdatasyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
