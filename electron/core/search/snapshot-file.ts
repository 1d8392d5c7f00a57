import { crc32 } from 'node:zlib'
import { z } from 'zod'
import { parseJson } from '../json-document'
import { FIELD_COUNT, InvertedIndex } from './inverted-index'
import { buildPostings } from './postings'

/**
 * The search index snapshot: a derived cache, so any doubt (other version, bad checksum, inconsistent
 * lengths) means "rebuild from the notes". Binary, because the index is mostly integer arrays: a JSON
 * copy of 10 million postings would take longer to parse than rebuilding from the note files.
 *
 * Layout: "TKSI" | u32 version | u32 header bytes | u32 crc32 of the rest | header JSON | arrays (8-aligned).
 * The postings are stored beside the forward index although they could be derived from it: rebuilding
 * them took ~1.7 s of a 100,000-note start, reading them back is a copy.
 */
// 3: board ids and the attachment flag; an older snapshot is rebuilt once so board: and has:attachment hold.
export const SEARCH_SNAPSHOT_VERSION = 3
const MAGIC = 0x49534b54 // "TKSI" little-endian

const Header = z.object({
  count: z.number().int().nonnegative(),
  entries: z.number().int().nonnegative(),
  ids: z.array(z.string()),
  terms: z.array(z.string()),
  notebookIds: z.array(z.string()),
  boardIds: z.array(z.string()),
  tags: z.array(z.array(z.string())),
})
type Header = z.infer<typeof Header>

type Typed = Int32Array | Uint32Array | Float64Array | Uint8Array
const align8 = (n: number) => (n + 7) & ~7

export function serializeIndex(index: InvertedIndex): Buffer {
  const live = index.liveDocs()
  const count = live.length
  let entries = 0
  for (const d of live) entries += index.fwdTerms[d]!.length
  const header: Header = {
    count,
    entries,
    ids: live.map((d) => index.ids[d]!),
    terms: index.terms,
    notebookIds: live.map((d) => index.notebookIds[d]!),
    boardIds: live.map((d) => index.boardIds[d] ?? ''),
    tags: live.map((d) => index.tags[d]!),
  }
  const arrays = {
    revision: new Int32Array(count),
    created: new Float64Array(count),
    updated: new Float64Array(count),
    due: new Float64Array(count),
    flags: new Uint8Array(count),
    fieldLen: new Int32Array(count * FIELD_COUNT),
    offsets: new Int32Array(count + 1),
    terms: new Int32Array(entries),
    tfs: new Uint32Array(entries),
  }
  let at = 0
  live.forEach((d, i) => {
    arrays.revision[i] = index.revision[d]!
    arrays.created[i] = index.created[d]!
    arrays.updated[i] = index.updated[d]!
    arrays.due[i] = index.due[d]!
    arrays.flags[i] = index.flags[d]!
    arrays.fieldLen.set(index.fieldLen.subarray(d * FIELD_COUNT, (d + 1) * FIELD_COUNT), i * FIELD_COUNT)
    arrays.offsets[i] = at
    arrays.terms.set(index.fwdTerms[d]!, at)
    arrays.tfs.set(index.fwdTfs[d]!, at)
    at += index.fwdTerms[d]!.length
  })
  arrays.offsets[count] = at
  // Documents are renumbered densely here, so the block is rebuilt unless it already is exactly that.
  const postings = index.postingsAreCompact()
    ? { offsets: index.baseOffsets, docs: index.baseDocs, tfs: index.baseTfs, df: index.df }
    : buildPostings(
        live.map((d) => index.fwdTerms[d]!),
        live.map((d) => index.fwdTfs[d]!),
        index.terms.length,
      )
  const df = postings.df.subarray(0, index.terms.length * FIELD_COUNT)
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
  const parts: Typed[] = [...Object.values(arrays), postings.offsets, postings.docs, postings.tfs, df]
  let size = align8(16 + headerBytes.length)
  for (const part of parts) size = align8(size + part.byteLength)
  const out = Buffer.alloc(size)
  out.writeUInt32LE(MAGIC, 0)
  out.writeUInt32LE(SEARCH_SNAPSHOT_VERSION, 4)
  out.writeUInt32LE(headerBytes.length, 8)
  headerBytes.copy(out, 16)
  let offset = align8(16 + headerBytes.length)
  for (const part of parts) {
    out.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), offset)
    offset = align8(offset + part.byteLength)
  }
  out.writeUInt32LE(crc32(out.subarray(16)), 12)
  return out
}

/** Throws with a reason when the snapshot cannot be trusted; the caller then rebuilds. */
export function deserializeIndex(file: Buffer): InvertedIndex {
  if (file.length < 16 || file.readUInt32LE(0) !== MAGIC) throw new Error('not a search index snapshot')
  const version = file.readUInt32LE(4)
  if (version !== SEARCH_SNAPSHOT_VERSION)
    throw new Error(`snapshot version ${version}, expected ${SEARCH_SNAPSHOT_VERSION}`)
  if (crc32(file.subarray(16)) !== file.readUInt32LE(12)) throw new Error('checksum mismatch')
  const headerLength = file.readUInt32LE(8)
  const parsedHeader = parseJson(file.toString('utf8', 16, 16 + headerLength), Header)
  if (!parsedHeader.ok) throw new Error(`snapshot header: ${parsedHeader.reason}`)
  const header = parsedHeader.data
  const { count, entries } = header
  const termCount = header.terms.length
  // Typed-array views point straight into the file's bytes when they are 8-aligned (a large file read
  // whole always is); otherwise into an aligned copy.
  let bytes = new Uint8Array(file.buffer, file.byteOffset, file.length)
  if (file.byteOffset % 8 !== 0) {
    bytes = new Uint8Array(file.length)
    bytes.set(file)
  }
  let offset = align8(16 + headerLength)
  const take = <T extends Typed>(
    Ctor: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number },
    n: number,
  ): T => {
    if (offset + n * Ctor.BYTES_PER_ELEMENT > bytes.length) throw new Error('snapshot is truncated')
    const view = new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, n)
    offset = align8(offset + n * Ctor.BYTES_PER_ELEMENT)
    return view
  }
  const revision = take(Int32Array, count)
  const created = take(Float64Array, count)
  const updated = take(Float64Array, count)
  const due = take(Float64Array, count)
  const flags = take(Uint8Array, count)
  const fieldLen = take(Int32Array, count * FIELD_COUNT)
  const offsets = take(Int32Array, count + 1)
  const terms = take(Int32Array, entries)
  const tfs = take(Uint32Array, entries)
  const postingOffsets = take(Int32Array, termCount + 1)
  const postingDocs = take(Int32Array, entries)
  const postingTfs = take(Uint32Array, entries)
  const df = take(Int32Array, termCount * FIELD_COUNT)
  if (
    header.ids.length !== count ||
    header.tags.length !== count ||
    offsets[count] !== entries ||
    postingOffsets[termCount] !== entries
  ) {
    throw new Error('snapshot lengths disagree')
  }
  const index = new InvertedIndex()
  header.terms.forEach((term, i) => {
    if (index.dictionary.idOf(term, 0, term.length) !== i) throw new Error('snapshot has duplicate terms')
  })
  for (const term of terms)
    if (term < 0 || term >= header.terms.length) throw new Error('snapshot term out of range')
  index.ids = header.ids
  index.docOf = new Map(header.ids.map((id, i) => [id, i]))
  index.alive = new Uint8Array(count).fill(1)
  Object.assign(index, { revision, created, updated, due, flags, fieldLen })
  index.notebookIds = header.notebookIds
  if (!Array.isArray(header.boardIds) || header.boardIds.length !== count)
    throw new Error('snapshot lacks board ids')
  index.boardIds = header.boardIds
  index.tags = header.tags
  index.fwdTerms = new Array<Int32Array>(count)
  index.fwdTfs = new Array<Uint32Array>(count)
  for (let i = 0; i < count; i++) {
    index.fwdTerms[i] = terms.subarray(offsets[i], offsets[i + 1])
    index.fwdTfs[i] = tfs.subarray(offsets[i], offsets[i + 1])
  }
  for (const doc of postingDocs) if (doc < 0 || doc >= count) throw new Error('snapshot posting out of range')
  index.liveCount = count
  index.installPostings({ offsets: postingOffsets, docs: postingDocs, tfs: postingTfs, df })
  index.markAllUnsorted()
  return index
}
