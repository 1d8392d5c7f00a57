// Folder-relative paths use '/' on every system, as the courier writes them.
import { basename, dirname, join } from 'node:path/posix'

/**
 * How one file reaches one folder, stage by stage, the way the sync tools people use deliver it. A
 * stage is what a reader of the folder may find between two looks; the courier runs one stage a step.
 */
export type DeliveryStyle =
  /** Written in place in one go. */
  | 'whole'
  /** A truncated copy under the final name first, completed later (a tool caught mid-copy). */
  | 'partial'
  /** Syncthing: `.syncthing.NAME.tmp`, filled, then renamed to NAME. */
  | 'syncthing'
  /** Dropbox-like: `.~NAME` or `NAME.dropbox-tmp`, filled, then renamed. */
  | 'dropbox'
  /** iCloud Optimise Storage: a `.NAME.icloud` stub first; the real file replaces it when fetched. */
  | 'icloud'
  /** OneDrive Files On-Demand: a zero-length placeholder under the final name, its content later. */
  | 'onedrive'

export const DELIVERY_STYLES: readonly DeliveryStyle[] = [
  'whole',
  'partial',
  'syncthing',
  'dropbox',
  'icloud',
  'onedrive',
]

/** Paths are relative to the target folder, with '/' separators. */
export type Op =
  | { op: 'write'; path: string; bytes: Buffer }
  | { op: 'rename'; from: string; to: string }
  | { op: 'remove'; path: string }

export interface Plan {
  stages: Op[][]
  /** Names that exist only while the delivery is under way (temporary files, stubs). */
  transient: string[]
}

/** A sibling of rel named by the tool: `.syncthing.NAME.tmp` beside NAME, in NAME's folder. */
function sibling(rel: string, name: (base: string) => string): string {
  const dir = dirname(rel)
  const file = name(basename(rel))
  return dir === '.' ? file : join(dir, file)
}

export const syncthingTemp = (rel: string) => sibling(rel, (b) => `.syncthing.${b}.tmp`)
export const icloudStub = (rel: string) => sibling(rel, (b) => `.${b}.icloud`)
export const dropboxTemp = (rel: string, tilde: boolean) =>
  sibling(rel, (b) => (tilde ? `.~${b}` : `${b}.dropbox-tmp`))

/** What an iCloud stub holds: a small binary property list naming the file, never the file's bytes. */
const stubBytes = (rel: string) =>
  Buffer.from(`bplist00\u00d1\u0001\u0002NSURLNameKey${basename(rel)}`, 'latin1')

/** A strict prefix, so a partial copy is never mistaken for the whole (empty files have none). */
const cut = (bytes: Buffer, random: () => number) => bytes.subarray(0, Math.floor(random() * bytes.length))

function viaTemporary(temp: string, rel: string, bytes: Buffer, random: () => number): Plan {
  return {
    stages: [
      [{ op: 'write', path: temp, bytes: cut(bytes, random) }],
      [{ op: 'write', path: temp, bytes }],
      [{ op: 'rename', from: temp, to: rel }],
    ],
    transient: [temp],
  }
}

export function plan(style: DeliveryStyle, rel: string, bytes: Buffer, random: () => number): Plan {
  const whole: Plan = { stages: [[{ op: 'write', path: rel, bytes }]], transient: [] }
  switch (style) {
    case 'whole':
      return whole
    case 'partial':
    case 'onedrive': {
      if (bytes.length === 0) return whole
      const first = style === 'partial' ? cut(bytes, random) : Buffer.alloc(0)
      return { stages: [[{ op: 'write', path: rel, bytes: first }], whole.stages[0]!], transient: [] }
    }
    case 'syncthing':
      return viaTemporary(syncthingTemp(rel), rel, bytes, random)
    case 'dropbox':
      return viaTemporary(dropboxTemp(rel, random() < 0.5), rel, bytes, random)
    case 'icloud': {
      const stub = icloudStub(rel)
      return {
        stages: [
          [{ op: 'write', path: stub, bytes: stubBytes(rel) }],
          [
            { op: 'write', path: rel, bytes },
            { op: 'remove', path: stub },
          ],
        ],
        transient: [stub],
      }
    }
  }
}

/** A deletion travels as one stage. */
export const removal = (rel: string): Plan => ({ stages: [[{ op: 'remove', path: rel }]], transient: [] })
