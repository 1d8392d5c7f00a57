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

/** In-memory store for tests and for property runs that simulate restarts by reusing one instance. */
export class MemoryDelivered implements DeliveredStore {
  readonly corrupt: CorruptFile | null = null
  protected set = new Set<string>()
  has(key: string) {
    return this.set.has(key)
  }
  keys() {
    return this.set
  }
  async add(keys: string[]) {
    for (const k of keys) this.set.add(k)
    await this.changed()
  }
  async replace(keys: Set<string>) {
    this.set = new Set(keys)
    await this.changed()
  }
  /** Runs after every change: memory has nothing to write, the file store writes the set down. */
  protected async changed(): Promise<void> {}
}

/** The same set, written to delivered.json after every change (unless the library is open read-only). */
class FileDelivered extends MemoryDelivered {
  constructor(
    private readonly db: Low<DeliveredDoc>,
    override readonly corrupt: CorruptFile | null,
    private readonly readOnly: boolean,
  ) {
    super()
    this.set = new Set(db.data.keys)
  }
  protected override async changed() {
    if (this.readOnly) return
    this.db.data = { schemaVersion: 1, keys: [...this.set] }
    await this.db.write()
  }
}
