import type { Low } from 'lowdb'
import { z } from 'zod'
import { openSmallDoc } from '../small-doc'
import type { CorruptFile } from '../types'

const DeliveredDoc = z.object({ schemaVersion: z.literal(1), keys: z.array(z.string()) })
type DeliveredDoc = z.infer<typeof DeliveredDoc>

/**
 * Which (note, due time) pairs were already notified, kept in delivered.json so a restart never repeats a
 * notification. The scheduler records a key durably before showing its notification: a crash in that
 * instant costs one notification (the note still sits in Overdue), never a repeat on every start.
 */
export interface DeliveredStore {
  readonly corrupt: CorruptFile | null
  has(key: string): boolean
  keys(): ReadonlySet<string>
  /** Durably records keys; resolves once they are on disk. */
  add(keys: string[]): Promise<void>
  /** Replaces the whole set (pruning). */
  replace(keys: Set<string>): Promise<void>
}

export async function openDelivered(dataDir: string, readOnly: boolean): Promise<DeliveredStore> {
  const fresh = (): DeliveredDoc => ({ schemaVersion: 1, keys: [] })
  const { db, corrupt } = await openSmallDoc(dataDir, 'delivered.json', DeliveredDoc, fresh, readOnly)
  return new FileDelivered(db, corrupt, readOnly)
}

class FileDelivered implements DeliveredStore {
  private set: Set<string>
  constructor(
    private readonly db: Low<DeliveredDoc>,
    readonly corrupt: CorruptFile | null,
    private readonly readOnly: boolean,
  ) {
    this.set = new Set(db.data.keys)
  }
  has(key: string) {
    return this.set.has(key)
  }
  keys() {
    return this.set
  }
  async add(keys: string[]) {
    for (const k of keys) this.set.add(k)
    await this.flush()
  }
  async replace(keys: Set<string>) {
    this.set = new Set(keys)
    await this.flush()
  }
  private async flush() {
    if (this.readOnly) return
    this.db.data = { schemaVersion: 1, keys: [...this.set] }
    await this.db.write()
  }
}

/** In-memory store for tests and for property runs that simulate restarts by reusing one instance. */
export class MemoryDelivered implements DeliveredStore {
  readonly corrupt = null
  private set = new Set<string>()
  has(key: string) {
    return this.set.has(key)
  }
  keys() {
    return this.set
  }
  async add(keys: string[]) {
    for (const k of keys) this.set.add(k)
  }
  async replace(keys: Set<string>) {
    this.set = new Set(keys)
  }
}
