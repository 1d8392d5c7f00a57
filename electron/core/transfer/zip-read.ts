import { createInflateRaw } from 'node:zlib'
import { formatBytes } from '../../shared/domain/attachment'
import { TicklerError } from '../../shared/rpc'

/**
 * Limits on unpacking a zip to import. A zip of 3 MB can hold 3 GB of zeros, so nothing is inflated
 * until the import asks for that one file, and every inflation stops at the first byte past its limit.
 */
export const UNZIP_LIMITS = {
  /**
   * One import may unpack this much in all, or four times the size of its zips when that is more. Notes'
   * text is held until the import writes them, so this also bounds the memory an import can take.
   */
  totalBytes: 100 * 1024 * 1024,
  totalPerPackedByte: 4,
  /** Past its first 64 KB, a file may unpack to at most this many times its packed size. */
  ratio: 100,
  ratioFreeBytes: 64 * 1024,
} as const

/** One file listed in a zip's central directory; its bytes stay packed until inflate() is called. */
export interface PackedFile {
  zip: string
  path: string
  method: number
  /** As the directory declares it: a hint for refusing early, never trusted as a bound. */
  declaredSize: number
  packed: Uint8Array
}

/** Every file a zip's central directory lists, without unpacking any of them. */
export function listZip(zipName: string, zip: Buffer): PackedFile[] {
  const endAt = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  if (endAt < 0 || endAt + 22 > zip.length) throw new Error('not a zip file')
  const count = zip.readUInt16LE(endAt + 10)
  let at = zip.readUInt32LE(endAt + 16)
  const files: PackedFile[] = []
  try {
    for (let i = 0; i < count; i++) {
      if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('damaged zip directory')
      const method = zip.readUInt16LE(at + 10)
      const packedSize = zip.readUInt32LE(at + 20)
      const declaredSize = zip.readUInt32LE(at + 24)
      const nameLength = zip.readUInt16LE(at + 28)
      const extra = zip.readUInt16LE(at + 30)
      const comment = zip.readUInt16LE(at + 32)
      const localAt = zip.readUInt32LE(at + 42)
      const path = zip.toString('utf8', at + 46, at + 46 + nameLength)
      at += 46 + nameLength + extra + comment
      if (path.endsWith('/')) continue
      if (method !== 0 && method !== 8) throw new Error(`"${path}" uses a zip compression Tickler cannot read`)
      const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28)
      if (dataAt + packedSize > zip.length) throw new Error('damaged zip directory')
      files.push({ zip: zipName, path, method, declaredSize, packed: zip.subarray(dataAt, dataAt + packedSize) })
    }
  } catch (error) {
    if (error instanceof RangeError) throw new Error('damaged zip directory')
    throw error
  }
  return files
}

/**
 * zlib hands over what it unpacks in pieces of this size, so a file is stopped (and counted) at most one
 * piece past its limit.
 */
export const INFLATE_PIECE_BYTES = 64 * 1024

/** What one import may still unpack, shared by all its zips. */
export class UnzipBudget {
  readonly total: number
  private left: number
  /** Bytes zlib produced for each path, kept or thrown away: what unpacking actually cost, not what it kept. */
  private readonly produced = new Map<string, number>()

  constructor(packedBytes: number) {
    this.total = Math.max(UNZIP_LIMITS.totalBytes, packedBytes * UNZIP_LIMITS.totalPerPackedByte)
    this.left = this.total
  }

  /** Bytes unpacked so far for `path` (in any zip), or for every file; 0 for a file never unpacked. */
  inflatedBytes(path?: string): number {
    if (path !== undefined) return this.produced.get(path) ?? 0
    let sum = 0
    for (const n of this.produced.values()) sum += n
    return sum
  }

  /**
   * The file's bytes, or null when they are more than `maxBytes` (too large for what the import does with
   * it). Unpacking more than the ratio allows, or past the import's total, refuses the whole zip: a file
   * that does that is a zip bomb, not a note. The import awaits one file before asking for the next, so
   * what is left is read once per file.
   */
  async inflate(file: PackedFile, maxBytes: number): Promise<Uint8Array | null> {
    if (file.method === 0) return file.packed.byteLength > maxBytes ? null : file.packed
    const ratioBound = Math.max(UNZIP_LIMITS.ratioFreeBytes, file.packed.byteLength * UNZIP_LIMITS.ratio)
    // A directory that admits to a bomb is refused at once; one that lies is caught while unpacking.
    if (file.declaredSize > ratioBound) throw this.refusal(file, true)
    const limit = Math.min(maxBytes, ratioBound, this.left)
    const count = (n: number) => this.produced.set(file.path, this.inflatedBytes(file.path) + n)
    const bytes = file.declaredSize > limit ? null : await unpack(file, limit, count)
    if (bytes === null) {
      if (limit === maxBytes) return null
      throw this.refusal(file, limit === ratioBound)
    }
    this.left -= bytes.byteLength
    return bytes
  }

  private refusal(file: PackedFile, ratio: boolean): TicklerError {
    const why = ratio
      ? `"${file.path}" unpacks to more than ${UNZIP_LIMITS.ratio} times its packed size of ${formatBytes(file.packed.byteLength)}, the limit for one file in a zip (it looks like a zip bomb)`
      : `its files unpack to more than ${formatBytes(this.total)} (reached at "${file.path}"), the limit for one import; import it in parts`
    return new TicklerError('BAD_INPUT', `"${file.zip}" was not imported: ${why}.`)
  }
}

/**
 * Inflates at most `limit` bytes, telling `count` each piece as zlib produces it: null past the limit, zlib
 * stopped at the piece that crossed it, so a lying directory costs one piece more than the limit, no more.
 */
function unpack(file: PackedFile, limit: number, count: (bytes: number) => void): Promise<Buffer | null> {
  if (limit < 1) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: INFLATE_PIECE_BYTES })
    const pieces: Buffer[] = []
    let size = 0
    let over = false
    inflate.on('data', (piece: Buffer) => {
      if (over) return
      count(piece.byteLength)
      size += piece.byteLength
      if (size <= limit) return void pieces.push(piece)
      over = true
      inflate.destroy()
      resolve(null)
    })
    inflate.on('end', () => resolve(Buffer.concat(pieces, size)))
    inflate.on('error', () =>
      reject(new TicklerError('BAD_INPUT', `"${file.zip}" is damaged: "${file.path}" cannot be unpacked.`)),
    )
    inflate.end(file.packed)
  })
}
