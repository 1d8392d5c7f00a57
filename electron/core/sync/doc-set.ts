import * as Y from 'yjs'
import type { LocalDocs } from './local-store'
import type { PackEntry } from './packs'

/**
 * The Y.Docs one sync pass works on, loaded from the library's sync/docs on first use, and what the pass
 * did to them: which it touched (to be saved and derived) and which local changes it recorded (to be
 * published in this device's next pack).
 */
export class DocSet {
  private readonly docs = new Map<string, Y.Doc>()
  private readonly damaged = new Set<string>()
  readonly touched = new Set<string>()
  readonly outgoing: PackEntry[] = []

  /**
   * `stored`: the guids with a file in sync/docs, listed once at the start of the pass, so a doc not
   * stored (every note of a first conversion or of a join) costs no file read to find that out.
   */
  constructor(
    private readonly store: LocalDocs,
    private readonly stored?: ReadonlySet<string>,
  ) {}

  /** True when a stored doc could not be read: the pass then reads the whole folder again next time. */
  get anyDamaged(): boolean {
    return this.damaged.size > 0
  }

  async get(guid: string): Promise<Y.Doc | null | 'damaged'> {
    const cached = this.docs.get(guid)
    if (cached) return cached
    if (this.damaged.has(guid)) return 'damaged'
    if (this.stored && !this.stored.has(guid)) return null
    const loaded = await this.store.load(guid)
    if (loaded === 'damaged') this.damaged.add(guid)
    else if (loaded) this.docs.set(guid, loaded)
    return loaded
  }

  /** The doc, or a new empty one to apply a remote update to (a damaged one is rebuilt this way). */
  async getOrNew(guid: string): Promise<Y.Doc> {
    const doc = await this.get(guid)
    if (doc instanceof Y.Doc) return doc
    const fresh = new Y.Doc({ guid })
    this.docs.set(guid, fresh)
    return fresh
  }

  /** A doc made on this device from a note (its one conversion): published whole. */
  addSeeded(doc: Y.Doc): void {
    this.docs.set(doc.guid, doc)
    this.outgoing.push({ guid: doc.guid, update: Y.encodeStateAsUpdate(doc) })
    this.touched.add(doc.guid)
  }

  /** Runs a local change and keeps exactly the Yjs update it made (deletions included) for publishing. */
  capture(doc: Y.Doc, change: () => void): void {
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    doc.on('update', collect)
    try {
      change()
    } finally {
      doc.off('update', collect)
    }
    if (updates.length === 0) return
    this.outgoing.push({
      guid: doc.guid,
      update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
    })
    this.touched.add(doc.guid)
  }

  /** Every touched doc, loading those only marked (a note whose remote change was not fully written). */
  async touchedDocs(): Promise<Y.Doc[]> {
    const out: Y.Doc[] = []
    for (const guid of this.touched) {
      const doc = await this.get(guid)
      if (doc instanceof Y.Doc) out.push(doc)
    }
    return out
  }
}
