import { ensureCapacity } from './posting-list'
import { termHash } from './tokenize'

const EMPTY = 0

/**
 * The term dictionary: term ↔ dense id. Indexing looks up every word of every note here (27 million
 * look-ups for the 100,000-note bench), straight from the characters of the folded text, so a word
 * already known costs no string: cutting each word out and asking a Map was a third of a first index's
 * time, and their garbage another tenth. Open addressing over a typed array of ids, with every term's
 * characters kept side by side in one pool, so a look-up reads a few adjacent cache lines instead of
 * chasing a string object.
 */
export class TermTable {
  readonly terms: string[] = []
  /** Slot → id + 1 (EMPTY = free); a power of two in size, never more than half full. */
  private slots = new Int32Array(1024)
  private hashes = new Int32Array(512)
  private starts = new Int32Array(513)
  private pool = new Uint16Array(4096)

  get size(): number {
    return this.terms.length
  }

  /** The id of folded[start, end) (whose termHash is `h`), added to the dictionary when new. */
  idOf(folded: string, start: number, end: number, h = termHash(folded, start, end)): number {
    const found = this.probe(folded, start, end, h)
    return found >= 0 ? found : this.insert(folded, start, end, h, -1 - found)
  }

  /** The id of `term`, or -1 when no note holds it. */
  find(term: string): number {
    return Math.max(-1, this.probe(term, 0, term.length, termHash(term, 0, term.length)))
  }

  /** The id of folded[start, end) with hash `h`, or −1 − the free slot where it would go. */
  private probe(folded: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1
    const length = end - start
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot]!
      if (stored === EMPTY) return -1 - slot
      const id = stored - 1
      if (this.hashes[id] !== h) continue
      const from = this.starts[id]!
      if (this.starts[id + 1]! - from !== length) continue
      let i = 0
      while (i < length && this.pool[from + i] === folded.charCodeAt(start + i)) i++
      if (i === length) return id
    }
  }

  private insert(folded: string, start: number, end: number, hash: number, slot: number): number {
    const id = this.terms.length
    const at = this.starts[id]!
    this.pool = ensureCapacity(this.pool, at + end - start)
    for (let i = start; i < end; i++) this.pool[at + i - start] = folded.charCodeAt(i)
    this.hashes = ensureCapacity(this.hashes, id + 1)
    this.starts = ensureCapacity(this.starts, id + 2)
    this.hashes[id] = hash
    this.starts[id + 1] = at + end - start
    this.terms.push(start === 0 && end === folded.length ? folded : folded.slice(start, end))
    this.slots[slot] = id + 1
    if (this.terms.length * 2 > this.slots.length) this.rehash()
    return id
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    for (let id = 0; id < this.terms.length; id++) this.place(id)
  }

  private place(id: number): void {
    const mask = this.slots.length - 1
    let slot = this.hashes[id]! & mask
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask
    this.slots[slot] = id + 1
  }

  /** Bytes held in typed arrays, for the bench's memory figure. */
  typedBytes(): number {
    return this.slots.byteLength + this.hashes.byteLength + this.starts.byteLength + this.pool.byteLength
  }
}
