/** The indexed fields and how their term frequencies are packed into one Uint32 per posting. */
export const FIELDS = ['title', 'text', 'tags', 'notebook'] as const
export const FIELD_COUNT = FIELDS.length
/** Bit offsets and widths of each field's term frequency inside one packed Uint32. */
export const SHIFT = [0, 8, 20, 26] as const
export const MASK = [0xff, 0xfff, 0x3f, 0x3f] as const

export const tfOf = (packed: number, field: number): number => (packed >>> SHIFT[field]!) & MASK[field]!
/** Postings holding nothing but body counts take the fast paths (bits of the other fields all zero). */
export const OTHER_FIELDS = ~0xfff00
export const BODY_SHIFT = SHIFT[1]

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
      if (packed & 0xff) df[base]!++
      if (packed & 0xfff00) df[base + 1]!++
      if (packed & 0x3f00000) df[base + 2]!++
      if (packed >>> 26) df[base + 3]!++
    }
  }
  return { offsets, docs, tfs, df }
}
