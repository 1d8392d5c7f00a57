import { closeSync, fdatasyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { DurableBatch, writeFileDurable } from '../durable-file'
import { Kind, open, seal } from './envelope'
import { Guid } from './packs'

/** Docs made durable together: bounded so open files and unsynced bytes stay small. */
const SAVE_BATCH = 256
const SAVE_BATCH_BYTES = 32 * 2 ** 20

const DOC_FILE = /^(@?[A-Za-z0-9_-]{1,64})\.ydoc$/

/**
 * <library>/sync/docs/<guid>.ydoc: each doc's whole Yjs state, durable, in a checked envelope. Derived
 * and durable: the sync folder holds the same content, so a damaged file is moved to corrupt/ and the
 * doc rebuilt from the folder (the engine forgets which folder files it applied and reads them again).
 */
export class LocalDocs {
  readonly dir: string
  constructor(
    readonly dataDir: string,
    readonly syncDir = join(dataDir, 'sync'),
  ) {
    this.dir = join(syncDir, 'docs')
  }

  private path(guid: string): string {
    return join(this.dir, `${Guid.parse(guid)}.ydoc`)
  }

  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    return names.flatMap((n) => DOC_FILE.exec(n)?.[1] ?? [])
  }

  /** null when there is none; 'damaged' when there was one that could not be read (now moved aside). */
  async load(guid: string): Promise<Y.Doc | null | 'damaged'> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.path(guid))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      const opened = open(bytes)
      if (!opened.ok || opened.kind !== Kind.doc) throw new Error(opened.ok ? 'wrong kind' : opened.reason)
      const doc = new Y.Doc({ guid })
      Y.applyUpdate(doc, opened.payload)
      return doc
    } catch {
      await this.moveAside(guid)
      return 'damaged'
    }
  }

  private async moveAside(guid: string): Promise<void> {
    const corrupt = join(this.dataDir, 'corrupt')
    await mkdir(corrupt, { recursive: true })
    await rename(this.path(guid), join(corrupt, `sync-${guid}.${Date.now()}.ydoc`)).catch(() => undefined)
  }

  // Uncompressed: these are read at every pass that touches the note, and the disk is local.
  encode(doc: Y.Doc): Buffer {
    return seal(Kind.doc, Y.encodeStateAsUpdate(doc), false)
  }

  /**
   * Many docs at once (a join brings thousands): made durable together in batches, each one sync of its
   * files and one of the folder, as the library writes an import; a crash leaves at most temp files.
   */
  async saveMany(docs: Y.Doc[]): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    const batch = new DurableBatch()
    try {
      for (const doc of docs) {
        await batch.stage(this.path(doc.guid), this.encode(doc))
        if (batch.count >= SAVE_BATCH || batch.bytes >= SAVE_BATCH_BYTES) await batch.commit()
      }
      await batch.commit()
    } catch (error) {
      batch.discard()
      throw error
    }
  }

  async remove(guid: string): Promise<void> {
    await unlink(this.path(guid)).catch(() => undefined)
  }
}

/**
 * An append-only text log of small records, each appended and synced before the step it protects (as
 * the library's journal is). A torn last line is ignored.
 */
export class AppendLog {
  private fd: number | null = null
  constructor(readonly path: string) {}

  lines(): string[] {
    try {
      return readFileSync(this.path, 'utf8').split('\n').slice(0, -1)
    } catch {
      return []
    }
  }

  append(lines: string[]): void {
    if (lines.length === 0) return
    this.fd ??= openSync(this.path, 'a', 0o600)
    writeSync(this.fd, `${lines.join('\n')}\n`)
    fdatasyncSync(this.fd)
  }

  /** Replaces the whole log (compaction, or clearing it once what it protects is done). */
  async replace(lines: string[]): Promise<void> {
    this.close()
    await writeFileDurable(this.path, lines.length ? `${lines.join('\n')}\n` : '')
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

/**
 * Which library revision each note's Y state matches ("<id> <rev>"; rev -1 while a remote change is
 * being written), so a start compares this with the note list instead of reading every doc.
 */
export class RevIndex {
  private readonly log: AppendLog
  readonly revs = new Map<string, number>()
  private lineCount = 0

  constructor(syncDir: string) {
    this.log = new AppendLog(join(syncDir, 'revs.log'))
    for (const line of this.log.lines()) {
      const [id, rev] = line.split(' ')
      if (!id || rev === undefined || !Guid.safeParse(id).success || !/^(-?\d+|x)$/.test(rev)) continue
      this.lineCount++
      if (rev === 'x') this.revs.delete(id)
      else this.revs.set(id, Number(rev))
    }
  }

  set(entries: [string, number | null][]): void {
    this.log.append(entries.map(([id, rev]) => `${id} ${rev ?? 'x'}`))
    for (const [id, rev] of entries) {
      if (rev === null) this.revs.delete(id)
      else this.revs.set(id, rev)
    }
    this.lineCount += entries.length
  }

  /** Rewrites the log with one line per note once it is mostly superseded lines. */
  async compactIfLarge(): Promise<void> {
    if (this.lineCount < 1000 || this.lineCount < this.revs.size * 3) return
    await this.log.replace([...this.revs].map(([id, rev]) => `${id} ${rev}`))
    this.lineCount = this.revs.size
  }

  close(): void {
    this.log.close()
  }
}
