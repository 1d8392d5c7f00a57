import type { InvertedIndex } from './inverted-index'

/**
 * A small least-recently-used cache of values derived from one index, emptied whenever the index changes
 * (its version moves on every add and remove), so a cached value is always what computing it afresh gives.
 */
export class VersionedCache<V> {
  private readonly caches = new WeakMap<InvertedIndex, { version: number; entries: Map<string, V> }>()

  constructor(private readonly max: number) {}

  private entriesOf(index: InvertedIndex): Map<string, V> {
    let cache = this.caches.get(index)
    if (!cache || cache.version !== index.version) {
      cache = { version: index.version, entries: new Map() }
      this.caches.set(index, cache)
    }
    return cache.entries
  }

  get(index: InvertedIndex, key: string): V | undefined {
    const entries = this.entriesOf(index)
    const hit = entries.get(key)
    if (hit !== undefined) {
      entries.delete(key) // re-inserted: Map order is the least-recently-used order
      entries.set(key, hit)
    }
    return hit
  }

  set(index: InvertedIndex, key: string, value: V): V {
    const entries = this.entriesOf(index)
    entries.set(key, value)
    if (entries.size > this.max) entries.delete(entries.keys().next().value!)
    return value
  }
}
