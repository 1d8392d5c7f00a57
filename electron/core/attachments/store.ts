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
} from '../../shared/attachment'
import { TicklerError } from '../../shared/rpc'
import { writeFileDurable } from '../durable-file'

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

  constructor(dataDir: string) {
    this.dir = attachmentsDirOf(dataDir)
  }

  /** Stores the bytes (once) and returns what a document needs to reference them. */
  async add(bytes: Uint8Array, name: string, mime: string): Promise<AttachmentRef> {
    const displayName = cleanName(name)
    if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new TooLargeError(displayName, bytes.byteLength)
    const hash = createHash('sha256').update(bytes).digest('hex')
    await mkdir(this.dir, { recursive: true })
    // Same bytes under another extension are the same attachment: reuse the file already stored.
    const existing = (await readdir(this.dir)).find(
      (f) => f.startsWith(`${hash}.`) && ATTACHMENT_FILE.test(f),
    )
    const file = existing ?? `${hash}.${extensionFor(displayName, mime)}`
    if (!existing) await writeFileDurable(join(this.dir, file), bytes)
    return { file, name: displayName, size: bytes.byteLength, mime: mime || 'application/octet-stream' }
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
