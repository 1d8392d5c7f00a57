import { ensureCapacity } from './posting-list'
import { FIELD_COUNT, MASK, SHIFT } from './postings'
import type { TermTable } from './term-table'
import { scanTerms, type TermSink } from './tokenize'

/** The terms of one document: sorted term ids, their packed per-field frequencies, each field's length. */
export interface CountedTerms {
  terms: Int32Array
  tfs: Uint32Array
  lengths: Int32Array
}

/**
 * Counts a document's terms field by field into packed per-field frequencies (postings.ts), with arrays
 * indexed by term id that are reused from one document to the next, so counting allocates only its result.
 * A field's length is its number of distinct words (not bigrams), as MiniSearch counts it.
 */
export class TermCounter implements TermSink {
  /** Per term id: its packed frequencies in the document being counted; zeroed again when it is done. */
  private packed = new Uint32Array(1024)
  /** Per term id: the field pass that last counted it as a word, so each distinct word is counted once. */
  private stamp = new Int32Array(1024)
  private pass = 0
  private seen = new Int32Array(256)
  private seenCount = 0
  private shift = 0
  private mask = 0
  private step = 0
  private distinct = 0

  constructor(private readonly dictionary: TermTable) {}

  /** `fields` in FIELDS order. */
  count(fields: readonly string[]): CountedTerms {
    const lengths = new Int32Array(FIELD_COUNT)
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.shift = SHIFT[f]!
      this.mask = MASK[f]!
      this.step = 2 ** this.shift
      this.distinct = 0
      if (++this.pass === 2 ** 31 - 1) {
        this.stamp.fill(0)
        this.pass = 1
      }
      scanTerms(fields[f]!, this)
      lengths[f] = this.distinct
    }
    const terms = this.seen.slice(0, this.seenCount).sort()
    const tfs = new Uint32Array(terms.length)
    for (let k = 0; k < terms.length; k++) {
      tfs[k] = this.packed[terms[k]!]!
      this.packed[terms[k]!] = 0
    }
    this.seenCount = 0
    return { terms, tfs, lengths }
  }

  term(folded: string, start: number, end: number, word: boolean, hash: number): void {
    const id = this.dictionary.idOf(folded, start, end, hash)
    if (id >= this.packed.length) {
      this.packed = ensureCapacity(this.packed, id + 1)
      this.stamp = ensureCapacity(this.stamp, id + 1)
    }
    const packed = this.packed[id]!
    if (packed === 0) {
      if (this.seenCount === this.seen.length) this.seen = ensureCapacity(this.seen, this.seenCount + 1)
      this.seen[this.seenCount++] = id
    }
    // Frequencies saturate at their field's width instead of spilling into the next field's bits.
    if (((packed >>> this.shift) & this.mask) < this.mask) this.packed[id] = packed + this.step
    if (word && this.stamp[id] !== this.pass) {
      this.stamp[id] = this.pass
      this.distinct++
    }
  }
}
