import * as Y from 'yjs'
import { z } from 'zod'
import { isoTimeSchema } from '../../shared/model'

/**
 * A note deleted forever stays a Y.Doc with a delete record: what the deleting device had seen of the
 * note (its Yjs state vector) when it deleted it. The note is gone while nobody has changed it beyond
 * that; an edit the deleting device had not seen — made on another computer while apart — brings the
 * note back, so work is never silently thrown away. Every device folds the same records the same way.
 */
export const DELETES = 'deletes'
/** The tag a note brought back this way carries, so the person sees why it is there again. */
export const RESTORED_TAG = 'restored'

const DeleteRecord = z.object({
  at: isoTimeSchema,
  /** The Yjs client that wrote the record (its own write is not an edit the deletion missed). */
  client: z.number().int().nonnegative(),
  /** clientID → clock the deleting device had integrated. */
  seen: z.record(z.string().regex(/^\d+$/), z.number().int().nonnegative()),
})
type DeleteRecord = z.infer<typeof DeleteRecord>

const recordsOf = (doc: Y.Doc): DeleteRecord[] =>
  doc
    .getArray<unknown>(DELETES)
    .toArray()
    .flatMap((raw) => {
      const parsed = DeleteRecord.safeParse(raw)
      return parsed.success ? [parsed.data] : []
    })

/** Records this device deleting the note. */
export function recordDelete(doc: Y.Doc, at: string): void {
  const seen: Record<string, number> = {}
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) seen[String(client)] = clock
  doc.getArray<unknown>(DELETES).push([{ at, client: doc.clientID, seen }])
}

export type Fate = 'alive' | 'deleted' | 'restored'

/**
 * A deletion covers the note when every change is one it had seen, or is the writing of a delete record
 * itself (its own, or another device's concurrent deletion of the same note: one Yjs item each).
 */
function covers(r: DeleteRecord, state: Map<number, number>, records: DeleteRecord[]): boolean {
  return [...state].every(([client, clock]) => {
    const seen = r.seen[String(client)] ?? 0
    if (client === r.client) return clock <= seen + 1
    const other = records.find((o) => o.client === client && (o.seen[String(client)] ?? 0) <= seen)
    return clock <= (other ? Math.max(seen, (other.seen[String(client)] ?? 0) + 1) : seen)
  })
}

/** alive: never deleted; deleted: some deletion has seen every change; restored: edited since every deletion. */
export function fateOf(doc: Y.Doc): Fate {
  const records = recordsOf(doc)
  if (records.length === 0) return 'alive'
  const state = Y.decodeStateVector(Y.encodeStateVector(doc))
  return records.some((r) => covers(r, state, records)) ? 'deleted' : 'restored'
}
