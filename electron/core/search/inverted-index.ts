import { PostingList, ensureCapacity } from './posting-list'
import { lowerBoundString } from './sorted-search'
import { FIELD_COUNT, blockImpacts, buildPostings, tfOf } from './postings'
import type { IndexDoc } from './index-doc'
import { TermCounter } from './term-counter'
import { TermTable } from './term-table'
import { fold } from '../../shared/domain/fold'

/**
 * A compact inverted index: postings are sorted Int32Arrays of document numbers, and a forward index
 * (document → its sorted term ids with packed per-field frequencies) lets a query check common terms only
 * on the candidates of its rarest one. Updating a note appends a new document number and tombstones the
 * old one; tombstones are compacted away once they pile up, never on a save.
 */

export { FIELDS, FIELD_COUNT, tfOf } from './postings'

export class InvertedIndex {
  dictionary = new TermTable()
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
  /** See deferPostings: notes added get no postings or document frequencies until the next rebuild. */
  private deferring = false
  /** Documents numbered below this are in the posting block; while deferring, those from here on wait. */
  private blockEnd = 0
  /** Documents containing term t in field f, at [t * FIELD_COUNT + f]. */
  df: Int32Array = new Int32Array(1024)
  private sorted: string[] = []
  /** How many of the terms (in id order) `sorted` holds. */
  private sortedCount = 0

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
  private counter = new TermCounter(this.dictionary)

  /** Terms by id. */
  get terms(): string[] {
    return this.dictionary.terms
  }

  /** Terms in code-unit order for prefix ranges; new terms are merged in lazily, at query time. */
  sortedTerms(): string[] {
    const added = this.terms.length - this.sortedCount
    if (added > 256) {
      this.sorted = this.sorted.concat(this.terms.slice(this.sortedCount)).sort()
    } else {
      for (let id = this.sortedCount; id < this.terms.length; id++) {
        const term = this.terms[id]!
        this.sorted.splice(lowerBoundString(this.sorted, term), 0, term)
      }
    }
    this.sortedCount = this.terms.length
    return this.sorted
  }

  /** After loading a snapshot: every term goes through one sort on the first prefix query. */
  markAllUnsorted(): void {
    this.sorted = []
    this.sortedCount = 0
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
    const { terms: termList, tfs: tfList, lengths } = this.counter.count([
      input.title,
      input.text,
      input.tags.join(' '),
      input.notebookName,
    ])
    const doc = this.newDoc(input.id)
    if (!this.deferring) this.addPostings(doc, termList, tfList)
    this.fwdTerms[doc] = termList
    this.fwdTfs[doc] = tfList
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLen[doc * FIELD_COUNT + f] = lengths[f]!
      this.lenSum[f]! += lengths[f]!
    }
    if (this.baseDocs.length === 0) this.followAverages()
    this.setMeta(doc, input)
  }

  private addPostings(doc: number, termList: Int32Array, tfList: Uint32Array): void {
    this.df = ensureCapacity(this.df, this.terms.length * FIELD_COUNT)
    for (let k = 0; k < termList.length; k++) {
      const term = termList[k]!
      const packed = tfList[k]!
      ;(this.extra[term] ??= new PostingList(2)).push(doc, packed)
      this.extraCount++
      for (let f = 0; f < FIELD_COUNT; f++) if (tfOf(packed, f)) this.df[term * FIELD_COUNT + f]!++
    }
    // Folding the side lists into the block once they outgrow it keeps many saves linear overall.
    if (this.extraCount > Math.max(50_000, this.baseDocs.length)) this.rebuildPostings()
  }

  /**
   * For a first build: while on, notes added wait for the next rebuildPostings() to be found by their
   * words (filters and the forward index see them at once). Pushing 15 million postings one by one into
   * per-term lists, and rebuilding the block each time those outgrew it, was a third of indexing the
   * 100,000-note bench; a block built from the forward index is one sequential pass. Turned off, notes
   * get their postings as they are added again; rebuild then, or those waiting stay unfound by words.
   */
  deferPostings(on: boolean): void {
    if (on && this.extraCount > 0) this.rebuildPostings()
    this.deferring = on
  }

  /** Notes added since the block was built that no word finds yet (see deferPostings). */
  waitingForPostings(): number {
    return this.deferring ? this.ids.length - this.blockEnd : 0
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
    // A note still waiting for postings was never counted in the document frequencies.
    const counted = !this.deferring || doc < this.blockEnd
    for (let k = 0; counted && k < termList.length; k++) {
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
    this.blockEnd = this.ids.length
    this.baseDocs = block.docs
    this.baseTfs = block.tfs
    this.df = block.df
    this.lenSum.fill(0)
    for (let d = 0; d < this.ids.length; d++) {
      if (!this.alive[d]) continue
      for (let f = 0; f < FIELD_COUNT; f++) this.lenSum[f]! += this.fieldLen[d * FIELD_COUNT + f]!
    }
    this.followAverages()
    ;({ impacts: this.baseImpacts, fieldImpacts: this.baseFieldImpacts } = blockImpacts(
      block,
      this.fieldLen,
      this.normAvg,
      this.ids.length,
    ))
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
    next.dictionary = this.dictionary
    next.counter = this.counter
    next.sorted = this.sortedTerms()
    next.sortedCount = this.sortedCount
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
    next.rebuildPostings()
    next.version = this.version + 1
    Object.assign(this, next)
  }

  /** Bytes held in typed arrays (off the JS heap), for the bench's memory figure. */
  typedBytes(): number {
    let bytes = this.dictionary.typedBytes() + this.df.byteLength + this.fieldLen.byteLength + this.alive.length * (1 + 4 + 8 * 3 + 1)
    bytes += this.baseOffsets.byteLength + this.baseDocs.byteLength * 3 + this.baseFieldImpacts.byteLength
    for (const list of this.extra) bytes += (list?.docs.byteLength ?? 0) * 2
    for (let d = 0; d < this.fwdTerms.length; d++) bytes += (this.fwdTerms[d]?.byteLength ?? 0) * 2
    return bytes
  }
}
