import * as Y from 'yjs'
import { Kind } from './envelope'
import { packName, readPack, removeOwn, writePack, type FolderListing } from './folder'
import { decodePack, encodePack, type PackEntry } from './packs'

/** A device compacts once it has this many logs after its base: fewer files for a sync tool and a joiner. */
export const COMPACT_AFTER = 32

export function groupByGuid(entries: PackEntry[]): PackEntry[] {
  const byGuid = new Map<string, Uint8Array[]>()
  for (const e of entries) byGuid.set(e.guid, [...(byGuid.get(e.guid) ?? []), e.update])
  return [...byGuid].map(([guid, updates]) => ({
    guid,
    update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
  }))
}

/**
 * Folds this device's own base and logs into one new base, then removes the files it replaces. Only its
 * own files: another device's are never rewritten or removed. The new base is in place before anything
 * goes, so a reader at any moment finds either the old files or the new base (both hold everything).
 */
export async function compactOwn(
  folder: string,
  device: string,
  libraryId: string,
  listing: FolderListing,
  now: string,
  threshold = COMPACT_AFTER,
): Promise<boolean> {
  const own = listing.packs.filter((f) => f.device === device)
  const base = own.filter((f) => f.kind === 'base').at(-1)
  const logs = own.filter((f) => f.kind === 'log' && f.seq > (base?.seq ?? 0))
  if (logs.length < threshold) return false
  const entries: PackEntry[] = []
  for (const f of base ? [base, ...logs] : logs) {
    const read = await readPack(f.path)
    if (!read.ok) return false // one of its own files unreadable: keep everything as it is
    entries.push(...decodePack(read.payload).entries)
  }
  const seq = logs.at(-1)!.seq
  const header = { libraryId, device, seq, createdAt: now, covers: { [device]: seq } }
  await writePack(folder, device, packName('base', seq), Kind.base, encodePack(header, groupByGuid(entries)))
  for (const f of own)
    if (!(f.kind === 'base' && f.seq === seq) && f.seq <= seq) await removeOwn(folder, device, f.name)
  return true
}
