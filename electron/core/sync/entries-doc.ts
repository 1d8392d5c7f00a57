import type * as Y from 'yjs'
import type { z } from 'zod'
import { deepEqual } from './deep-equal'

/**
 * A library-level list of records kept by id (saved searches, follow-up standards) as one map in a
 * Y.Doc: id → the record without its id. An entry is changed whole, last writer wins per entry; two
 * devices changing different entries never touch each other's. A removed entry is recorded in a map
 * of its own (id → deletedAt), so a delete beats a concurrent change of the entry, and a device joining
 * later with its own copy of it does not bring it back; making it again here lifts the delete.
 */
export interface EntriesDoc<T extends { id: string }> {
  read(doc: Y.Doc): T[]
  /**
   * Records this device's list: only entries that differ. `addOnly` is the first time this device
   * records into a doc the folder already filled: entries the folder has never heard of are added; the
   * folder's entries, and its deletes, win over this device's older copy.
   */
  absorb(doc: Y.Doc, items: T[], addOnly: boolean, now: string): void
}

/**
 * `shipped`: the entries every new library starts with (the default standards). They are in every
 * library already, so the doc holds one only once it is changed or deleted: a fresh device publishes
 * nothing for them, and never brings back one the folder's library deleted.
 */
export function entriesDoc<T extends { id: string }>(
  key: string,
  schema: z.ZodType<T>,
  shipped: readonly T[] = [],
): EntriesDoc<T> {
  const entriesOf = (doc: Y.Doc) => doc.getMap<unknown>(key)
  const deletesOf = (doc: Y.Doc) => doc.getMap<string>(`${key}-deleted`)
  const read = (doc: Y.Doc): T[] => {
    const out: T[] = []
    const deleted = deletesOf(doc)
    for (const [id, value] of entriesOf(doc)) {
      if (deleted.has(id)) continue
      // An entry that does not validate (another device's bug, a newer Tickler) is left out, not applied.
      const parsed = schema.safeParse({ ...(value as object), id })
      if (parsed.success) out.push(parsed.data)
    }
    for (const item of shipped) if (!entriesOf(doc).has(item.id) && !deleted.has(item.id)) out.push(item)
    return out.sort((a, b) => a.id.localeCompare(b.id))
  }
  const absorb = (doc: Y.Doc, items: T[], addOnly: boolean, now: string) => {
    const entries = entriesOf(doc)
    const deleted = deletesOf(doc)
    const had = new Map(read(doc).map((e) => [e.id, e]))
    doc.transact(() => {
      for (const item of items) {
        const old = had.get(item.id)
        had.delete(item.id)
        if (old && deepEqual(old, item)) continue
        if (addOnly && (entries.has(item.id) || deleted.has(item.id))) continue
        // Outside addOnly, an entry the doc says is deleted was made again here since the doc was applied.
        if (deleted.has(item.id)) deleted.delete(item.id)
        const { id: _id, ...rest } = item
        entries.set(item.id, rest)
      }
      if (!addOnly) for (const id of had.keys()) deleted.set(id, now)
      // A shipped entry this library removed before it ever synced: a delete of its own, recorded too.
      else
        for (const id of had.keys())
          if (!entries.has(id) && shipped.some((s) => s.id === id)) deleted.set(id, now)
    })
  }
  return { read, absorb }
}
