import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { z } from 'zod'
import { isoTimeSchema } from '../../shared/model'

/**
 * What the envelopes hold. A pack (a device's log or compacted base) is a header and a list of
 * (doc guid, Yjs update).
 */

export const DeviceId = z.string().regex(/^[0-9a-f]{16}$/, 'a device id is 16 hex digits')
export const LibraryId = z.string().regex(/^[0-9a-f]{16}$/)
/** Note ids, and the library-level docs ("@notebooks", …) that cannot clash with them. */
export const Guid = z.string().regex(/^@?[A-Za-z0-9_-]{1,64}$/)

export const PackHeader = z.object({
  libraryId: LibraryId,
  device: DeviceId,
  seq: z.number().int().positive(),
  createdAt: isoTimeSchema,
  /**
   * A base only: for every device, the highest file seq whose content it includes. A reader that has
   * applied at least that much from everyone skips it; a device joining reads it instead of every log.
   */
  covers: z.record(DeviceId, z.number().int().nonnegative()).optional(),
})
export type PackHeader = z.infer<typeof PackHeader>

export interface PackEntry {
  guid: string
  update: Uint8Array
}

export function encodePack(header: PackHeader, entries: PackEntry[]): Uint8Array {
  const enc = encoding.createEncoder()
  encoding.writeVarString(enc, JSON.stringify(header))
  encoding.writeVarUint(enc, entries.length)
  for (const e of entries) {
    encoding.writeVarString(enc, e.guid)
    encoding.writeVarUint8Array(enc, e.update)
  }
  return encoding.toUint8Array(enc)
}

/** Throws on anything malformed: a whole, checksummed file that does not decode is reported, not retried. */
export function decodePack(payload: Uint8Array): { header: PackHeader; entries: PackEntry[] } {
  const dec = decoding.createDecoder(payload)
  const header = PackHeader.parse(JSON.parse(decoding.readVarString(dec)))
  const count = decoding.readVarUint(dec)
  const entries: PackEntry[] = []
  for (let i = 0; i < count; i++) {
    const guid = Guid.parse(decoding.readVarString(dec))
    entries.push({ guid, update: decoding.readVarUint8Array(dec) })
  }
  if (decoding.hasContent(dec)) throw new Error('unexpected bytes after the last entry')
  return { header, entries }
}

/** devices/<id>/device.json: who this device is, written only by that device (temp file, then rename). */
export const Manifest = z.object({
  format: z.number().int().positive(),
  libraryId: LibraryId,
  device: DeviceId,
  name: z.string().max(200),
  updatedAt: isoTimeSchema,
  /** The device's data files present when it wrote this, so a joiner knows when it has them all. */
  files: z.array(z.string().max(100)).max(100_000),
})
export type Manifest = z.infer<typeof Manifest>
