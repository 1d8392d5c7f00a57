import { lengthNorm, saturation } from './bm25'
import { PostingList, ensureCapacity, lowerBoundString } from './growable'
import { BODY_SHIFT, FIELD_COUNT, MASK, OTHER_FIELDS, SHIFT, buildPostings, tfOf } from './postings'
import { fold, forEachTerm } from './tokenize'

/**
 * A compact inverted index: postings are sorted Int32Arrays of document numbers, and a forward index
 * (document → its sorted term ids with packed per-field frequencies) lets a query check common terms only
 * on the candidates of its rarest one. Updating a note appends a new document number and tombstones the
 * old one; tombstones are compacted away once they pile up, never on a save.
 */

export { FIELDS, FIELD_COUNT, tfOf } from './postings'

export const FLAG_DONE = 1
export const FLAG_TRASHED = 2
export const FLAG_ARCHIVED = 4
export const FLAG_FOLLOWUP = 8
export const FLAG_ATTACHMENT = 16

/** Integers a Float32 holds exactly: the most rows of field impacts a posting's impact can point to. */
const MAX_IMPACT_ROWS = 2 ** 24 - 1

/** What the index needs of a note: its searchable text and the metadata filters test. */
export interface IndexDoc {
  id: string
  revision: number
  title: string
  text: string
  tags: string[]
  notebookId: string
  notebookName: string
  /** The board the note is a card on, or ''. */
  boardId: string
  createdAt: number
  updatedAt: number
  /** NaN without a follow-up. */
  dueAt: number
  flags: number
}

export class InvertedIndex {
  terms: string[] = []
  termIds = new Map<string, number>()
  /**
   * Postings in one compressed-row block (offsets per term into shared arrays), rebuilt from the forward
   * index; notes added since sit in small per-term lists. One block is ~15× faster to build and scan on
   * this class of machine than thousands of separate arrays, whose scattered writes miss the cache.
   */
  baseOffsets: Int32Array = new Int32Array(1)
  baseDocs: Int32Array = new Int32Array(0)
  baseTfs: Uint32Array = new Uint32Array(0)
  /**
   * Per posting of the block, its score before idf and query weights (which are per term, so applied once
   * per term): walking a broad prefix's postings is most of a slow query's time, and this spares each
   * posting its divisions and look-ups of field lengths (~3× faster on the 100,000-note bench).
   * A body-only posting holds its body saturation (≥ 0); any other holds −(row + 1), the row of
   * baseFieldImpacts with one saturation per field (0 where the term is absent); NaN past the rows a
   * float can number exactly, to be scored in full.
   */
  baseImpacts: Float32Array = new Float32Array(0)
  baseFieldImpacts: Float32Array = new Float32Array(0)
  /**
   * The average field lengths BM25 normalises by. The impacts above were computed with them, so they stay
   * those of the last block build while the block stands (as Lucene's averages count deleted documents
   * until a merge; a few saves move the true average by a hair); with no block yet they follow every change.
   */
  normAvg = new Float64Array(FIELD_COUNT)
  extra: (PostingList | undefined)[] = []
  private extraCount = 0
  /** Documents containing term t in field f, at [t * FIELD_COUNT + f]. */
  df: Int32Array = new Int32Array(1024)
  private sorted: string[] = []
  private unsorted: string[] = []

  ids: string[] = []
  docOf = new Map<string, number>()
  alive = new Uint8Array(1024)
  revision = new Int32Array(1024)
  created = new Float64Array(1024)
  updated = new Float64Array(1024)
  due = new Float64Array(1024)
  flags = new Uint8Array(1024)
  fieldLen = new Int32Array(1024 * FIELD_COUNT)
  notebookIds: string[] = []
  boardIds: string[] = []
  tags: string[][] = []
  fwdTerms: (Int32Array | null)[] = []
  fwdTfs: (Uint32Array | null)[] = []
  liveCount = 0
  deadCount = 0
  /** Bumped on every change, so per-document caches derived from lengths and counts know they are stale. */
  version = 0
  lenSum = new Float64Array(FIELD_COUNT)
  /** Per-term frequencies of the document being added, indexed by term id and cleared after each add. */
  private scratch = new Uint32Array(1024)

  termId(term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.terms.length
      this.terms.push(term)
      this.termIds.set(term, id)
      if (id >= this.scratch.length) this.scratch = ensureCapacity(this.scratch, id + 1)
      this.unsorted.push(term)
      if ((id + 1) * FIELD_COUNT > this.df.length) this.df = ensureCapacity(this.df, (id + 1) * FIELD_COUNT)
    }
    return id
  }

  /** Terms in code-unit order for prefix ranges; new terms are merged in lazily, at query time. */
  sortedTerms(): string[] {
    if (this.unsorted.length > 256) {
      this.sorted = this.sorted.concat(this.unsorted).sort()
    } else {
      for (const term of this.unsorted) this.sorted.splice(lowerBoundString(this.sorted, term), 0, term)
    }
    this.unsorted = []
    return this.sorted
  }

  /** After loading a snapshot: every term goes through one sort on the first prefix query. */
  markAllUnsorted(): void {
    this.sorted = []
    this.unsorted = this.terms.slice()
  }

  private newDoc(id: string): number {
    const doc = this.ids.length
    const need = doc + 1
    if (need > this.alive.length) {
      this.alive = ensureCapacity(this.alive, need)
      this.revision = ensureCapacity(this.revision, need)
      this.created = ensureCapacity(this.created, need)
      this.updated = ensureCapacity(this.updated, need)
      this.due = ensureCapacity(this.due, need)
      this.flags = ensureCapacity(this.flags, need)
      this.fieldLen = ensureCapacity(this.fieldLen, need * FIELD_COUNT)
    }
    this.ids.push(id)
    this.docOf.set(id, doc)
    this.alive[doc] = 1
    this.liveCount++
    return doc
  }

  /** Adds or replaces a note. */
  add(input: IndexDoc): void {
    const old = this.docOf.get(input.id)
    if (old !== undefined) this.remove(input.id)
    this.version++
    this.scratch = ensureCapacity(this.scratch, this.terms.length)
    const seen: number[] = []
    const lengths = [0, 0, 0, 0]
    const sources = [input.title, input.text, input.tags.join(' '), input.notebookName]
    for (let f = 0; f < FIELD_COUNT; f++) {
      const shift = SHIFT[f]!
      const mask = MASK[f]!
      const step = 2 ** shift
      lengths[f] = forEachTerm(sources[f]!, (term) => {
        const id = this.termId(term)
        const packed = this.scratch[id]!
        if (packed === 0) seen.push(id)
        if (((packed >>> shift) & mask) < mask) this.scratch[id] = packed + step
      })
    }
    const doc = this.newDoc(input.id)
    const termList = Int32Array.from(seen).sort()
    const tfList = new Uint32Array(termList.length)
    for (let k = 0; k < termList.length; k++) {
      const term = termList[k]!
      const packed = this.scratch[term]!
      this.scratch[term] = 0
      tfList[k] = packed
      ;(this.extra[term] ??= new PostingList(2)).push(doc, packed)
      this.extraCount++
      for (let f = 0; f < FIELD_COUNT; f++) if (tfOf(packed, f)) this.df[term * FIELD_COUNT + f]!++
    }
    this.fwdTerms[doc] = termList
    this.fwdTfs[doc] = tfList
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLen[doc * FIELD_COUNT + f] = lengths[f]!
      this.lenSum[f]! += lengths[f]!
    }
    if (this.baseDocs.length === 0) this.followAverages()
    this.setMeta(doc, input)
    // Folding the side lists into the block once they outgrow it keeps bulk builds linear overall.
    if (this.extraCount > Math.max(50_000, this.baseDocs.length)) this.rebuildPostings()
  }

  /** How many postings a term has (including tombstoned documents not yet compacted away). */
  postingCount(term: number): number {
    const base =
      term + 1 < this.baseOffsets.length ? this.baseOffsets[term + 1]! - this.baseOffsets[term]! : 0
    return base + (this.extra[term]?.length ?? 0)
  }

  private setMeta(doc: number, input: IndexDoc): void {
    this.revision[doc] = input.revision
    this.created[doc] = input.createdAt
    this.updated[doc] = input.updatedAt
    this.due[doc] = input.dueAt
    this.flags[doc] = input.flags
    this.notebookIds[doc] = input.notebookId
    this.boardIds[doc] = input.boardId
    this.tags[doc] = input.tags.map(fold)
  }

  remove(id: string): boolean {
    const doc = this.docOf.get(id)
    if (doc === undefined) return false
    this.version++
    const termList = this.fwdTerms[doc]!
    const tfList = this.fwdTfs[doc]!
    for (let k = 0; k < termList.length; k++) {
      for (let f = 0; f < FIELD_COUNT; f++)
        if (tfOf(tfList[k]!, f)) this.df[termList[k]! * FIELD_COUNT + f]!--
    }
    for (let f = 0; f < FIELD_COUNT; f++) this.lenSum[f]! -= this.fieldLen[doc * FIELD_COUNT + f]!
    this.fwdTerms[doc] = null
    this.fwdTfs[doc] = null
    this.tags[doc] = []
    this.alive[doc] = 0
    this.docOf.delete(id)
    this.liveCount--
    this.deadCount++
    if (this.baseDocs.length === 0) this.followAverages()
    return true
  }

  /** Worth compacting once tombstones make up a fifth of the documents (they still sit in postings). */
  needsCompaction(): boolean {
    return this.deadCount > 1000 && this.deadCount > this.ids.length / 5
  }

  /** Live documents in their current order, for compaction and snapshots. */
  liveDocs(): number[] {
    const out: number[] = []
    for (let d = 0; d < this.ids.length; d++) if (this.alive[d]) out.push(d)
    return out
  }

  /** Rebuilds postings and document frequencies from the forward index, after compaction or bulk adds. */
  rebuildPostings(): void {
    this.installPostings(buildPostings(this.fwdTerms, this.fwdTfs, this.terms.length))
    this.extra = []
    this.extraCount = 0
  }

  /** Makes `block` the posting block (built here or read from a snapshot), fixing the averages for it. */
  installPostings(block: { offsets: Int32Array; docs: Int32Array; tfs: Uint32Array; df: Int32Array }): void {
    this.baseOffsets = block.offsets
    this.baseDocs = block.docs
    this.baseTfs = block.tfs
    this.df = block.df
    this.lenSum.fill(0)
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.alive[d]) continue
      for (let f = 0; f < FIELD_COUNT; f++) this.lenSum[f]! += this.fieldLen[d * FIELD_COUNT + f]!
    }
    this.followAverages()
    this.computeImpacts()
  }

  private computeImpacts(): void {
    const { baseDocs: docs, baseTfs: tfs, fieldLen, normAvg } = this
    const norms = new Float64Array(this.ids.length)
    for (let d = 0; d < norms.length; d++) norms[d] = lengthNorm(fieldLen[d * FIELD_COUNT + 1]!, normAvg[1]!)
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
    this.baseImpacts = impacts
    this.baseFieldImpacts = rows
  }

  private followAverages(): void {
    for (let f = 0; f < FIELD_COUNT; f++) this.normAvg[f] = this.lenSum[f]! / Math.max(1, this.liveCount) || 1
  }

  /** True when the posting block alone is the whole index (no side lists, no tombstones): a snapshot can copy it. */
  postingsAreCompact(): boolean {
    return this.extraCount === 0 && this.deadCount === 0 && this.baseOffsets.length === this.terms.length + 1
  }

  /** Renumbers live documents densely and drops tombstones; the term dictionary is kept. */
  compact(): void {
    const live = this.liveDocs()
    const next = new InvertedIndex()
    next.terms = this.terms
    next.termIds = this.termIds
    next.sorted = this.sortedTerms()
    for (const d of live) {
      const doc = next.newDoc(this.ids[d]!)
      next.fwdTerms[doc] = this.fwdTerms[d]!
      next.fwdTfs[doc] = this.fwdTfs[d]!
      next.fieldLen.set(
        this.fieldLen.subarray(d * FIELD_COUNT, d * FIELD_COUNT + FIELD_COUNT),
        doc * FIELD_COUNT,
      )
      next.revision[doc] = this.revision[d]!
      next.created[doc] = this.created[d]!
      next.updated[doc] = this.updated[d]!
      next.due[doc] = this.due[d]!
      next.flags[doc] = this.flags[d]!
      next.notebookIds[doc] = this.notebookIds[d]!
      next.boardIds[doc] = this.boardIds[d]!
      next.tags[doc] = this.tags[d]!
    }
    next.scratch = this.scratch
    next.rebuildPostings()
    next.version = this.version + 1
    Object.assign(this, next)
  }

  /** Bytes held in typed arrays (off the JS heap), for the bench's memory figure. */
  typedBytes(): number {
    let bytes = this.df.byteLength + this.fieldLen.byteLength + this.alive.length * (1 + 4 + 8 * 3 + 1)
    bytes += this.baseOffsets.byteLength + this.baseDocs.byteLength * 3 + this.baseFieldImpacts.byteLength
    for (const list of this.extra) bytes += (list?.docs.byteLength ?? 0) * 2
    for (let d = 0; d < this.fwdTerms.length; d++) bytes += (this.fwdTerms[d]?.byteLength ?? 0) * 2
    return bytes
  }
}
