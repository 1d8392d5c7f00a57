import { createHash, type Hash } from 'node:crypto'
import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs'

/**
 * Decodes a base64 resource as its text arrives and writes the bytes to a temp file, hashing as it goes:
 * MD5 because ENML's <en-media hash> names a resource by it, SHA-256 because the attachment store names
 * files by it. A resource never sits in memory whole, and one over the size limit stops being written
 * the moment it crosses it.
 */
export class Base64Sink {
  private fd: number | null
  private pending = ''
  private readonly md5: Hash = createHash('md5')
  private readonly sha256: Hash = createHash('sha256')
  size = 0
  tooLarge = false

  constructor(
    readonly path: string,
    private readonly maxBytes: number,
  ) {
    this.fd = openSync(path, 'w', 0o600)
  }

  write(text: string): void {
    if (this.tooLarge) return
    // Whitespace and the odd stray character are not base64; Evernote wraps its lines.
    const clean = this.pending + text.replace(/[^A-Za-z0-9+/=]/g, '')
    const usable = clean.length - (clean.length % 4)
    this.pending = clean.slice(usable)
    if (usable > 0) this.emit(Buffer.from(clean.slice(0, usable), 'base64'))
  }

  private emit(bytes: Buffer): void {
    if (this.size + bytes.length > this.maxBytes) {
      this.tooLarge = true
      this.size += bytes.length
      this.closeFd()
      return
    }
    this.size += bytes.length
    this.md5.update(bytes)
    this.sha256.update(bytes)
    if (this.fd !== null) writeSync(this.fd, bytes)
  }

  /** Flushes a trailing group without padding and returns what the store and the ENML matcher need. */
  finish(): { md5: string; sha256: string; size: number; tooLarge: boolean } {
    if (this.pending && !this.tooLarge) this.emit(Buffer.from(this.pending, 'base64'))
    this.pending = ''
    this.closeFd()
    return {
      md5: this.md5.digest('hex'),
      sha256: this.sha256.digest('hex'),
      size: this.size,
      tooLarge: this.tooLarge,
    }
  }

  private closeFd(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }

  discard(): void {
    this.closeFd()
    try {
      unlinkSync(this.path)
    } catch {
      // already gone: nothing to clean up
    }
  }
}
