/**
 * Typed arrays that grow by doubling (an index of millions of postings stays off the JS object heap), and
 * the per-term posting list built on them that holds what was added since the last posting block.
 */

type Typed = Int32Array | Uint32Array | Float64Array | Uint8Array | Uint16Array | Float32Array
type Ctor<T> = { new (length: number): T }

export function ensureCapacity<T extends Typed>(array: T, needed: number): T {
  if (needed <= array.length) return array
  const next = new (array.constructor as Ctor<T>)(Math.max(needed, array.length * 2, 16))
  next.set(array)
  return next
}

/**
 * One term's postings: document numbers (appended in increasing order, so always sorted) and, beside
 * each, the packed per-field term frequencies, so a query can score straight from the list.
 */
export class PostingList {
  docs: Int32Array
  tfs: Uint32Array
  length = 0
  constructor(capacity = 2) {
    this.docs = new Int32Array(capacity)
    this.tfs = new Uint32Array(capacity)
  }
  push(doc: number, tf: number): void {
    if (this.length === this.docs.length) {
      this.docs = ensureCapacity(this.docs, this.length + 1)
      this.tfs = ensureCapacity(this.tfs, this.length + 1)
    }
    this.docs[this.length] = doc
    this.tfs[this.length++] = tf
  }
  /** Drops unused capacity once a bulk build is over. */
  trim(): void {
    if (this.docs.length > this.length) {
      this.docs = this.docs.slice(0, this.length)
      this.tfs = this.tfs.slice(0, this.length)
    }
  }
}
