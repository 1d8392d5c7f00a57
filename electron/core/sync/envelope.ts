import { createHash } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'

/**
 * Every file sync writes — into the sync folder and into the library's sync/ — is one envelope:
 *
 *   "TKSYNC" | u16 format | u8 kind | u8 flags | u32 payload bytes | sha256 of the payload (32) | payload
 *
 * so a reader can tell, without guessing, a file still arriving (too short, wrong checksum: retry
 * later), one from a newer Tickler (format above ours: report, skip, read it after an upgrade) and one
 * that is simply not ours.
 */
export const SYNC_FORMAT = 1
const MAGIC = Buffer.from('TKSYNC', 'latin1')
const HEADER = MAGIC.length + 2 + 1 + 1 + 4 + 32

export const Kind = { log: 1, base: 2, doc: 3 } as const
export type Kind = (typeof Kind)[keyof typeof Kind]
const DEFLATED = 1

export type Opened =
  | { ok: true; kind: Kind; payload: Uint8Array }
  /** Not whole yet (a sync tool mid-copy, a cloud placeholder): try again later; never damage. */
  | { ok: false; reason: 'incomplete'; detail: string }
  | { ok: false; reason: 'newer'; format: number }
  | { ok: false; reason: 'foreign'; detail: string }

export function seal(kind: Kind, payload: Uint8Array, compress = true): Buffer {
  const body = compress ? deflateRawSync(payload, { level: 6 }) : Buffer.from(payload)
  const header = Buffer.alloc(HEADER)
  MAGIC.copy(header, 0)
  header.writeUInt16LE(SYNC_FORMAT, 6)
  header.writeUInt8(kind, 8)
  header.writeUInt8(compress ? DEFLATED : 0, 9)
  header.writeUInt32LE(body.length, 10)
  createHash('sha256').update(body).digest().copy(header, 14)
  return Buffer.concat([header, body])
}

export function open(file: Uint8Array): Opened {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  if (buf.length < HEADER) {
    const prefix = buf.subarray(0, Math.min(buf.length, MAGIC.length))
    return prefix.equals(MAGIC.subarray(0, prefix.length))
      ? { ok: false, reason: 'incomplete', detail: `only ${buf.length} bytes so far` }
      : { ok: false, reason: 'foreign', detail: 'not a Tickler sync file' }
  }
  if (!buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    // A sync tool may preallocate a file and fill it later: all zeroes is a file still arriving.
    return buf.every((b) => b === 0)
      ? { ok: false, reason: 'incomplete', detail: 'not filled in yet' }
      : { ok: false, reason: 'foreign', detail: 'not a Tickler sync file' }
  }
  const format = buf.readUInt16LE(6)
  if (format > SYNC_FORMAT) return { ok: false, reason: 'newer', format }
  const kind = buf.readUInt8(8) as Kind
  const flags = buf.readUInt8(9)
  const length = buf.readUInt32LE(10)
  const body = buf.subarray(HEADER)
  if (body.length !== length) {
    return { ok: false, reason: 'incomplete', detail: `${body.length} of ${length} bytes` }
  }
  if (!createHash('sha256').update(body).digest().equals(buf.subarray(14, HEADER))) {
    return { ok: false, reason: 'incomplete', detail: 'checksum does not match yet' }
  }
  try {
    return { ok: true, kind, payload: flags & DEFLATED ? inflateRawSync(body) : body }
  } catch (error) {
    return { ok: false, reason: 'incomplete', detail: (error as Error).message }
  }
}
