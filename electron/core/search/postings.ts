import { lengthNorm, saturation } from './bm25'

/** The indexed fields and how their term frequencies are packed into one Uint32 per posting. */
export const FIELDS = ['title', 'text', 'tags', 'notebook'] as const
export const FIELD_COUNT = FIELDS.length
/** Bit offsets and widths of each field's term frequency inside one packed Uint32. */
export const SHIFT = [0, 8, 20, 26] as const
export const MASK = [0xff, 0xfff, 0x3f, 0x3f] as const

export const tfOf = (packed: number, field: number): number => (packed >>> SHIFT[field]!) & MASK[field]!
/** Each field's bits inside the packed Uint32. */
const BITS = SHIFT.map((shift, f) => (MASK[f]! << shift) >>> 0)
export const BODY_SHIFT = SHIFT[1]
/** Postings holding nothing but body counts take the fast paths (bits of the other fields all zero). */
export const OTHER_FIELDS = ~BITS[1]!

/**
 * Postings (one compressed-row block) and per-field document frequencies from forward lists, in one
 * counting pass and one filling pass. Null entries (removed documents) are skipped.
 */
export function buildPostings(
  fwdTerms: readonly (Int32Array | null)[],
  fwdTfs: readonly (Uint32Array | null)[],
  termCount: number,
): { offsets: Int32Array; docs: Int32Array; tfs: Uint32Array; df: Int32Array } {
  const offsets = new Int32Array(termCount + 1)
  for (let d = 0; d < fwdTerms.length; d++) {
    const termList = fwdTerms[d]
    if (termList) for (let k = 0; k < termList.length; k++) offsets[termList[k]! + 1]!++
  }
  for (let t = 0; t < termCount; t++) offsets[t + 1]! += offsets[t]!
  const cursor = offsets.slice(0, termCount)
  const docs = new Int32Array(offsets[termCount]!)
  const tfs = new Uint32Array(offsets[termCount]!)
  const df = new Int32Array(Math.max(termCount * FIELD_COUNT, 16))
  // One test per field, unrolled: this loop runs once per posting of the library.
  const [title, body, tags, notebook] = BITS as [number, number, number, number]
  for (let d = 0; d < fwdTerms.length; d++) {
    const termList = fwdTerms[d]
    const tfList = fwdTfs[d]
    if (!termList || !tfList) continue
    for (let k = 0; k < termList.length; k++) {
      const term = termList[k]!
      const packed = tfList[k]!
      const at = cursor[term]!++
      docs[at] = d
      tfs[at] = packed
      const base = term * FIELD_COUNT
      if (packed & title) df[base]!++
      if (packed & body) df[base + 1]!++
      if (packed & tags) df[base + 2]!++
      if (packed & notebook) df[base + 3]!++
    }
  }
  return { offsets, docs, tfs, df }
}

/** Integers a Float32 holds exactly: the most rows of field impacts a posting's impact can point to. */
const MAX_IMPACT_ROWS = 2 ** 24 - 1

/**
 * The impact of every posting of a block (see InvertedIndex.baseImpacts): a body-only posting's body
 * saturation, or −(row + 1) of a row of per-field saturations; NaN past the rows a float numbers exactly.
 */
export function blockImpacts(
  block: { docs: Int32Array; tfs: Uint32Array },
  fieldLen: Int32Array,
  normAvg: Float64Array,
  docCount: number,
): { impacts: Float32Array; fieldImpacts: Float32Array } {
  const { docs, tfs } = block
  const norms = new Float64Array(docCount)
  for (let d = 0; d < docCount; d++) norms[d] = lengthNorm(fieldLen[d * FIELD_COUNT + 1]!, normAvg[1]!)
  const impacts = new Float32Array(docs.length)
  let rowCount = 0
  for (let p = 0; p < impacts.length; p++) {
    const packed = tfs[p]!
    if ((packed & OTHER_FIELDS) === 0) impacts[p] = saturation(packed >>> BODY_SHIFT, norms[docs[p]!]!)
    else rowCount++
  }
  rowCount = Math.min(rowCount, MAX_IMPACT_ROWS)
  const rows = new Float32Array(rowCount * FIELD_COUNT)
  let row = 0
  for (let p = 0; p < impacts.length; p++) {
    const packed = tfs[p]!
    if ((packed & OTHER_FIELDS) === 0) continue
    if (row === rowCount) {
      impacts[p] = NaN
      continue
    }
    const base = docs[p]! * FIELD_COUNT
    for (let f = 0; f < FIELD_COUNT; f++) {
      const tf = tfOf(packed, f)
      if (tf) rows[row * FIELD_COUNT + f] = saturation(tf, lengthNorm(fieldLen[base + f]!, normAvg[f]!))
    }
    impacts[p] = -(row + 1)
    row++
  }
  return { impacts, fieldImpacts: rows }
}
