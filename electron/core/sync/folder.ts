import { randomBytes } from 'node:crypto'
import { mkdir, open as openFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fsyncDir } from '../durable-file'
import { type Kind, open, seal, type Opened } from './envelope'
import { DeviceId } from './packs'

/**
 * The sync folder, as every device sees it:
 *
 *   devices/<deviceId>/device.json        who the device is (its manifest)
 *   devices/<deviceId>/log-<seq>.tks      its update packs, append-only, one per sync pass that changed something
 *   devices/<deviceId>/base-<seq>.tks     its compaction of its own packs up to <seq>
 *   .tickler-tmp/<deviceId>/…             where that device writes a file before renaming it into place
 *
 * A device writes only under its own id, so no file is ever written by two machines and no sync tool
 * has a reason to make a conflict copy. A reader trusts only names it wrote itself: a sync tool's
 * temporary names (`.syncthing.x.tmp`, `x.tmp`, `~x`, `.~x`) never match, and a cloud placeholder
 * (`.x.icloud`) is counted as a file still to arrive.
 */
export const DEVICES = 'devices'
export const TEMP_AREA = '.tickler-tmp'
export const MANIFEST = 'device.json'
/** A pack larger than this is not read (a hostile or broken file must not exhaust memory). */
export const MAX_PACK_BYTES = 512 * 1024 * 1024

const PACK_NAME = /^(log|base)-(\d{8})\.tks$/
const PLACEHOLDER = /^\.((?:log|base)-\d{8}\.tks)\.icloud$/

export interface PackFile {
  device: string
  kind: 'log' | 'base'
  seq: number
  name: string
  path: string
}

export const packName = (kind: 'log' | 'base', seq: number): string =>
  `${kind}-${String(seq).padStart(8, '0')}.tks`

export const deviceDir = (folder: string, device: string): string => join(folder, DEVICES, device)

export interface FolderListing {
  /** Every device that has a folder here (its manifest may not have arrived yet). */
  devices: string[]
  packs: PackFile[]
  /** Files announced by a cloud placeholder and not downloaded yet: waited for, never taken as damage. */
  placeholders: string[]
}

/** Lists the folder; a missing folder is an error the caller reports (the sync folder went away). */
export async function listFolder(folder: string): Promise<FolderListing> {
  await stat(folder) // throws ENOENT when the folder itself is gone: never taken as "no devices"
  const devices = (await readdir(join(folder, DEVICES)).catch(() => [] as string[])).filter(
    (d) => DeviceId.safeParse(d).success,
  )
  const packs: PackFile[] = []
  const placeholders: string[] = []
  for (const device of devices) {
    for (const name of await readdir(deviceDir(folder, device)).catch(() => [] as string[])) {
      const match = PACK_NAME.exec(name)
      if (match) {
        const kind = match[1] as 'log' | 'base'
        packs.push({ device, kind, seq: Number(match[2]), name, path: join(deviceDir(folder, device), name) })
      } else if (PLACEHOLDER.test(name)) placeholders.push(`${device}/${PLACEHOLDER.exec(name)![1]}`)
    }
  }
  packs.sort((a, b) => a.device.localeCompare(b.device) || a.seq - b.seq || a.kind.localeCompare(b.kind))
  return { devices, packs, placeholders }
}

export type ReadResult =
  Opened | { ok: false; reason: 'gone'; detail: string } | { ok: false; reason: 'too-large'; detail: string }

/** Reads and checks one file; never throws for what another device or a sync tool may have left. */
export async function readPack(path: string): Promise<ReadResult> {
  try {
    const handle = await openFile(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > MAX_PACK_BYTES) return { ok: false, reason: 'too-large', detail: `${size} bytes` }
      return open(await handle.readFile())
    } finally {
      await handle.close()
    }
  } catch (error) {
    // Compacted away between listing and reading, or a placeholder the cloud client is replacing.
    return { ok: false, reason: 'gone', detail: (error as Error).message }
  }
}

/**
 * Writes a file of this device: into the folder's temp area first, synced, then renamed into place, so
 * another device (or its sync tool) can never pick up a half-written file under a name it trusts.
 */
export async function writeAtomic(
  folder: string,
  device: string,
  name: string,
  data: Uint8Array,
): Promise<void> {
  const temp = join(folder, TEMP_AREA, device)
  const target = join(deviceDir(folder, device), name) // name may hold a subfolder: attachments/<file>
  const dir = dirname(target)
  await mkdir(temp, { recursive: true })
  await mkdir(dir, { recursive: true })
  const tempPath = join(temp, `${basename(name)}.${randomBytes(4).toString('hex')}`)
  const handle = await openFile(tempPath, 'w', 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tempPath, target)
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
  await fsyncDir(dir).catch(() => undefined) // best effort: some cloud folders refuse a directory fsync
}

export const writePack = (folder: string, device: string, name: string, kind: Kind, payload: Uint8Array) =>
  writeAtomic(folder, device, name, seal(kind, payload))

/** Leftovers of this device's own interrupted writes; other devices' temp areas are never touched. */
export async function clearOwnTemp(folder: string, device: string): Promise<void> {
  await rm(join(folder, TEMP_AREA, device), { recursive: true, force: true }).catch(() => undefined)
}

/** Removes one of this device's own files (compaction); never called for another device's file. */
export async function removeOwn(folder: string, device: string, name: string): Promise<void> {
  await unlink(join(deviceDir(folder, device), name)).catch(() => undefined)
}
