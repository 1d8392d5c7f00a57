import { createHash } from 'node:crypto'
import { lstat, mkdir, readdir, realpath, stat } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import {
  ATTACHMENT_FILE,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENT_LABEL,
  extensionFor,
  formatBytes,
  type AttachmentRef,
} from '../../shared/domain/attachment'
import { TicklerError } from '../../shared/rpc'
import { writeFileDurable, type DurableBatch } from '../durable-file'

export const attachmentsDirOf = (dataDir: string): string => join(dataDir, 'attachments')

export class TooLargeError extends TicklerError {
  constructor(name: string, size: number) {
    super(
      'BAD_INPUT',
      `"${name}" is ${formatBytes(size)}; attachments can be at most ${MAX_ATTACHMENT_LABEL}. It was not added.`,
    )
  }
}

const isInside = (base: string, path: string): boolean => {
  const rel = relative(base, path)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..')
}

/**
 * Content-addressed files under <library>/attachments: the name is the SHA-256 of the bytes, so the same
 * picture pasted into ten notes is stored once and a file can never be silently replaced by other bytes.
 */
export class AttachmentStore {
  readonly dir: string
  /** Stored file by hash, for bytes added again under another extension; listed once, on first need. */
  private byHash: Map<string, string> | null = null

  constructor(dataDir: string) {
    this.dir = attachmentsDirOf(dataDir)
  }

  /**
   * Stores the bytes (once) and returns what a document needs to reference them. `beforeCreate` hears
   * the name of a file about to be added to the store (not one reused), before it is written. With a
   * batch, the file is staged in it and is in the store once the batch commits (an import's notes wait
   * for that); without one it is durably in place when this resolves.
   */
  async add(
    bytes: Uint8Array,
    name: string,
    mime: string,
    beforeCreate?: (file: string) => void,
    batch?: DurableBatch,
  ): Promise<AttachmentRef> {
    const displayName = cleanName(name)
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new TooLargeError(displayName, bytes.byteLength)
    const hash = createHash('sha256').update(bytes).digest('hex')
    await mkdir(this.dir, { recursive: true })
    const target = `${hash}.${extensionFor(displayName, mime)}`
    let file = batch?.has(join(this.dir, target)) ? target : await this.storedAs(hash, target)
    if (file === null) {
      beforeCreate?.(target)
      if (batch) await batch.stage(join(this.dir, target), bytes)
      else await writeFileDurable(join(this.dir, target), bytes)
      file = target
    }
    this.byHash?.set(hash, file)
    return { file, name: displayName, size: bytes.byteLength, mime: mime || 'application/octet-stream' }
  }

  /**
   * The name these bytes are already stored under, if any. The name they would get is one stat; only
   * when it is not there is the folder consulted, through a listing made once per store, never per add
   * (an import of 20,000 notes used to list a 20,000-file folder for every picture).
   */
  private async storedAs(hash: string, target: string): Promise<string | null> {
    if (await isFile(join(this.dir, target))) return target
    if (!this.byHash) {
      this.byHash = new Map()
      for (const f of await readdir(this.dir)) if (ATTACHMENT_FILE.test(f)) this.byHash.set(f.slice(0, 64), f)
    }
    // Same bytes under another extension are the same attachment: reuse the file already stored.
    const other = this.byHash.get(hash)
    return other && (await isFile(join(this.dir, other))) ? other : null
  }

  /**
   * The absolute path of a stored attachment, or a refusal. Only names of the exact hash form are looked
   * up, and the resolved real path must still be a regular file inside the folder, so "..", separators,
   * absolute paths and symlinks pointing out are all refused rather than followed.
   */
  async resolve(file: string): Promise<{ path: string } | { refused: 'bad-name' | 'outside' | 'missing' }> {
    if (!ATTACHMENT_FILE.test(file)) return { refused: 'bad-name' }
    const candidate = join(this.dir, file)
    try {
      const link = await lstat(candidate)
      if (link.isSymbolicLink()) return { refused: 'outside' }
      const [realDir, realFile] = await Promise.all([realpath(this.dir), realpath(candidate)])
      if (!isInside(realDir, realFile)) return { refused: 'outside' }
      if (!(await stat(realFile)).isFile()) return { refused: 'missing' }
      return { path: realFile }
    } catch {
      return { refused: 'missing' }
    }
  }

  /** Like resolve, but throws the error a contract caller should see. */
  async pathOf(file: string): Promise<string> {
    const found = await this.resolve(file)
    if ('path' in found) return found.path
    if (found.refused === 'missing')
      throw new TicklerError('NOT_FOUND', `The attachment "${file}" is not in the library.`)
    throw new TicklerError('FORBIDDEN', `"${file}" is not an attachment name.`)
  }
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  )

/** A display name without directories or control characters; never used as a path on disk. */
export function cleanName(name: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      ?.replace(/[\u0000-\u001f\u007f]/g, '')
      .trim() ?? ''
  return (base || 'file').slice(0, 255)
}
