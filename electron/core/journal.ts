import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { isNoteId } from './note-files'

const NAME = /^journal-(\d+)\.log$/

/**
 * An append-only list of note ids changed since the start-up snapshot was written. It lets open() trust
 * the snapshot for every note except these, instead of reading all note files. One line per id, appended
 * (and synced) before the note file itself is replaced, so a crash can only make it list too much.
 */
export class Journal {
  private fd: number | null = null
  private seen = new Set<string>()
  constructor(
    private readonly cacheDir: string,
    public seq: number,
  ) {}

  private path(seq: number): string {
    return join(this.cacheDir, `journal-${seq}.log`)
  }

  /** Records that these notes are about to change, with one sync; ids already listed cost nothing. */
  record(...ids: string[]): void {
    const fresh = [...new Set(ids)].filter((id) => !this.seen.has(id))
    if (!fresh.length) return
    this.fd ??= openSync(this.path(this.seq), 'a', 0o600)
    writeSync(this.fd, fresh.map((id) => `${id}\n`).join(''))
    fdatasyncSync(this.fd)
    for (const id of fresh) this.seen.add(id)
  }

  /** Starts a new journal; returns the number every later change is recorded under. */
  rotate(): number {
    this.close()
    this.seq += 1
    this.seen = new Set()
    return this.seq
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  /** Deletes journals the snapshot now covers. */
  async prune(below: number): Promise<void> {
    for (const { seq } of await listJournals(this.cacheDir)) {
      if (seq < below) await unlink(this.path(seq)).catch(() => undefined)
    }
  }
}

export async function listJournals(cacheDir: string): Promise<{ seq: number; file: string }[]> {
  const names = await readdir(cacheDir).catch(() => [] as string[])
  return names
    .map((file) => ({ file, match: NAME.exec(file) }))
    .filter((entry) => entry.match)
    .map((entry) => ({ file: join(cacheDir, entry.file), seq: Number(entry.match![1]) }))
    .sort((a, b) => a.seq - b.seq)
}

/**
 * Ids listed in journals numbered `from` or above. A torn last line is just an id we re-read; a line that
 * is not a note id at all (damage, or a hand-made journal) is no file to read and is skipped.
 */
export async function idsSince(cacheDir: string, from: number): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const { seq, file } of await listJournals(cacheDir)) {
    if (seq < from) continue
    const text = await readFile(file, 'utf8').catch(() => '')
    for (const line of text.split('\n')) if (isNoteId(line)) ids.add(line)
  }
  return ids
}
