import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { deviceDir, MANIFEST, readPack, type FolderListing, type PackFile } from './folder'
import { decodePack, Manifest } from './packs'
import type { SyncState } from './state'

export const fileKey = (f: Pick<PackFile, 'device' | 'name'>): string => `${f.device}/${f.name}`

/**
 * Which of the folder's files to read on this pass, per device: its newest base when not applied yet,
 * then its logs after that base not applied yet. A log a base covers is never read on its own (the base
 * holds it), so a device whose logs were compacted away while another was offline loses nothing.
 */
export function planReads(listing: FolderListing, applied: ReadonlySet<string>): PackFile[] {
  const plan: PackFile[] = []
  const byDevice = new Map<string, PackFile[]>()
  for (const f of listing.packs) byDevice.set(f.device, [...(byDevice.get(f.device) ?? []), f])
  for (const files of byDevice.values()) {
    const base = files.filter((f) => f.kind === 'base').at(-1)
    if (base && !applied.has(fileKey(base))) plan.push(base)
    const after = base?.seq ?? 0
    plan.push(...files.filter((f) => f.kind === 'log' && f.seq > after && !applied.has(fileKey(f))))
  }
  return plan
}

/**
 * Applied keys worth keeping: those of files still in the folder and not covered by a base applied. A
 * file compacted away drops out; if it ever came back it would only be read again, which Yjs ignores.
 */
export function pruneApplied(listing: FolderListing, applied: ReadonlySet<string>): string[] {
  const covered = new Map<string, number>()
  for (const f of listing.packs) {
    if (f.kind === 'base' && applied.has(fileKey(f)))
      covered.set(f.device, Math.max(covered.get(f.device) ?? 0, f.seq))
  }
  return listing.packs
    .filter((f) => applied.has(fileKey(f)) && !(f.kind === 'log' && f.seq <= (covered.get(f.device) ?? 0)))
    .map(fileKey)
}

/** Each device's manifest, when it has arrived and reads; a damaged one is simply not known yet. */
export async function readManifests(folder: string, devices: string[]): Promise<Map<string, Manifest>> {
  const out = new Map<string, Manifest>()
  for (const device of devices) {
    try {
      const parsed = Manifest.safeParse(
        JSON.parse(await readFile(join(deviceDir(folder, device), MANIFEST), 'utf8')),
      )
      if (parsed.success && parsed.data.device === device) out.set(device, parsed.data)
    } catch {
      // not arrived, half-written or a placeholder: the next pass reads it
    }
  }
  return out
}

const seqOf = (name: string) => Number(/-(\d{8})\./.exec(name)?.[1] ?? 0)

/** Files a device's manifest lists that this folder does not have yet (delivered late or out of order). */
export function missingFiles(
  listing: FolderListing,
  manifests: Map<string, Manifest>,
  applied: ReadonlySet<string>,
): number {
  // A placeholder is counted as waiting by itself; not twice.
  const present = new Set([...listing.packs.map(fileKey), ...listing.placeholders])
  let missing = 0
  for (const [device, m] of manifests) {
    const bases = m.files.filter((n) => n.startsWith('base-')).map(seqOf)
    const newestBase = bases.length ? Math.max(...bases) : 0
    // What the newest base covers is not waited for: neither older bases nor the logs it holds.
    const needed = m.files.filter(
      (n) => seqOf(n) > newestBase || (n.startsWith('base-') && seqOf(n) === newestBase),
    )
    for (const name of needed)
      if (!present.has(`${device}/${name}`) && !applied.has(`${device}/${name}`)) missing++
  }
  return missing
}

/** The library one of these packs says it belongs to (the first that reads), or null. */
async function libraryOfPacks(packs: PackFile[]): Promise<string | null> {
  for (const f of packs) {
    const read = await readPack(f.path)
    if (!read.ok) continue
    try {
      return decodePack(read.payload).header.libraryId
    } catch {
      // not readable: another pack may be
    }
  }
  return null
}

/** The libraries a folder holds, by its manifests or, before any has arrived, by a pack's own header. */
export async function librariesIn(
  listing: FolderListing,
  manifests: Map<string, Manifest>,
): Promise<Set<string>> {
  const libraries = new Set([...manifests.values()].map((m) => m.libraryId))
  const fromPacks = libraries.size ? null : await libraryOfPacks(listing.packs)
  if (fromPacks) libraries.add(fromPacks)
  return libraries
}

export interface Joinable {
  /** The folder's library, to be taken instead of this device's. */
  take?: string
  /** Other devices are there, but nothing of theirs reads yet. */
  waitForFolder: boolean
}

/**
 * Which library a device takes from the folder. Decided at a pass, not at start: another device may have
 * set the folder up meanwhile. A device that has published nothing yet (an empty library whose first
 * pass ran before the sync tool delivered anything) has only announced a library of its own, so it
 * still takes the folder's.
 */
export async function libraryToJoin(
  state: SyncState,
  listing: FolderListing,
  joining: boolean,
  holdsNotes: boolean,
): Promise<Joinable> {
  const me = state.deviceId
  const unpublished = state.nextSeq === 1 && !listing.packs.some((f) => f.device === me)
  if (unpublished) return unpublishedJoin(state, listing, holdsNotes)
  if (!joining) return { waitForFolder: false }
  const libraries = await librariesIn(listing, await readManifests(state.folder, listing.devices))
  const waitForFolder = libraries.size === 0 && listing.devices.some((d) => d !== me)
  const only = [...libraries].filter((l) => l !== state.libraryId)
  return libraries.size === 1 && only.length === 1 ? { take: only[0], waitForFolder } : { waitForFolder }
}

/**
 * A library some device has published packs of (found, or listed in its manifest) is the folder's;
 * only announced ones (other empty
 * devices) are not, and all of those take the smallest id so they never swap. Undecided while any
 * device's packs cannot be read yet (a manifest and packs still arriving) or two libraries publish.
 */
async function unpublishedJoin(
  state: SyncState,
  listing: FolderListing,
  holdsNotes: boolean,
): Promise<Joinable> {
  const others = listing.devices.filter((d) => d !== state.deviceId)
  const manifests = await readManifests(state.folder, others)
  const published = new Set<string>()
  let unknown = false
  for (const device of others) {
    const packs = listing.packs.filter((f) => f.device === device)
    const manifest = manifests.get(device)
    // Its manifest lists packs even while a compaction's removals have arrived before its base.
    if (!packs.length && !manifest?.files.length) continue
    const library = manifest?.libraryId ?? (await libraryOfPacks(packs))
    if (library) published.add(library)
    else unknown = true
  }
  const waitForFolder = others.length > 0 && published.size === 0 && (unknown || manifests.size === 0)
  if (unknown || published.size > 1) return { waitForFolder }
  // Holding notes (taken from the folder's library), a device leaves it for no mere announcement, even
  // while every sign of that library is still in transit (a manifest rewritten, packs compacted away).
  if (!published.size && holdsNotes) return { waitForFolder }
  const announced = [...manifests.values()].map((m) => m.libraryId)
  const folders = published.size ? [...published] : [...announced, state.libraryId].sort()
  const take = folders[0]!
  return take === state.libraryId ? { waitForFolder } : { take, waitForFolder }
}
