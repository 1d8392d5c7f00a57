import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { rng } from '../bench/corpus'
import { plan, removal, type DeliveryStyle, type Op, type Plan } from './courier-plan'

export { DELIVERY_STYLES, dropboxTemp, icloudStub, syncthingTemp, type DeliveryStyle } from './courier-plan'

/**
 * A seeded stand-in for a sync tool, for fast tests: it watches two or more folders and carries each
 * file written in one to all the others, the way real tools misbehave — in random order, late, twice,
 * half-written under the final name, through temporary names, or as online-only placeholders first.
 * The same seed and the same writes give the same deliveries, so a failure can be replayed.
 * Deletions travel too. A newer version of a file replaces one still on its way (no tool delivers an
 * older version after a newer one). A file written by a folder other than the one that first wrote it
 * is what makes real tools leave conflict copies: the courier lets the later write travel and records
 * it in `conflicts`, so a test can assert that devices only ever write their own files.
 */
export interface DeliveryOptions {
  /** 'random' (default): the next delivery is drawn by the seed; 'fifo': in the order files were found. */
  order?: 'random' | 'fifo'
  /** Exactly these styles, drawn at random (instead of whole plus what the flags below add). */
  styles?: DeliveryStyle[]
  /** Some deliveries write a truncated copy under the final name first. */
  partial?: boolean
  /** Some deliveries go through Syncthing's or Dropbox's temporary names. */
  tempNames?: boolean
  /** Some deliveries start as an iCloud `.NAME.icloud` stub or a zero-length OneDrive placeholder. */
  placeholders?: boolean
  /** The chance (0 up to, not including, 1) that a delivered file is delivered again, the same bytes the same way. */
  duplicates?: number
  /** Up to this many steps pass before a file found in one folder starts on its way to another. */
  delay?: number
}

export interface CourierAction {
  step: number
  from: number
  to: number
  path: string
  style: DeliveryStyle | 'delete'
  /** 1-based: stage `stage` of `of` (the last one leaves the file whole, or gone). */
  stage: number
  of: number
  ops: string[]
}

export interface Courier {
  /** Looks at every folder, then runs one stage of one delivery; null when nothing is left to do. */
  step(): Promise<CourierAction | 'waiting' | null>
  /** Steps until every file found is delivered whole everywhere; the actions taken. */
  flush(maxSteps?: number): Promise<CourierAction[]>
  /** flush() with these options in force for its deliveries. */
  deliverAll(options?: DeliveryOptions): Promise<CourierAction[]>
  /** Deliveries started or waiting. */
  pending(): number
  readonly log: readonly CourierAction[]
  /** Files written by a second folder: `folders` is [the first writer, the later one]. */
  readonly conflicts: readonly { step: number; path: string; folders: [number, number] }[]
}

interface Delivery {
  from: number
  to: number
  rel: string
  style: DeliveryStyle | 'delete'
  bytes: Buffer | null
  plan: Plan
  next: number
  readyAt: number
  seq: number
}

/** Size, inode and nanosecond mtime: unchanged means the file need not be read again. */
type Stamp = string

/**
 * A file's bytes unless its stamp is the one seen before; 'gone' when the program that owns the folder
 * removed it between the listing and the look (it may run alongside the courier).
 */
async function look(
  path: string,
  before?: Stamp,
): Promise<{ stamp: Stamp; bytes: Buffer } | 'unchanged' | 'gone'> {
  try {
    const s = await stat(path, { bigint: true })
    const stamp = `${s.size}:${s.ino}:${s.mtimeNs}`
    return stamp === before ? 'unchanged' : { stamp, bytes: await readFile(path) }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone'
    throw error
  }
}

export function createCourier(folders: string[], options: DeliveryOptions & { seed: number }): Courier {
  if (folders.length < 2) throw new Error('a courier needs two or more folders')
  const random = rng(options.seed)
  const check = (o: DeliveryOptions) => {
    if (o.styles?.length === 0) throw new Error('courier: styles is empty')
    // Each duplicate may be duplicated again: at 1 the deliveries would never end.
    if (o.duplicates !== undefined && !(o.duplicates >= 0 && o.duplicates < 1))
      throw new Error(`courier: duplicates is a chance below 1, not ${o.duplicates}`)
    return o
  }
  check(options)
  let current: DeliveryOptions = { ...options }
  let clock = 0
  let seq = 0
  const log: CourierAction[] = []
  const conflicts: { step: number; path: string; folders: [number, number] }[] = []
  /** The folder that first wrote each file, while the file exists. */
  const origin = new Map<string, number>()
  /** What each folder holds as far as the courier knows: found there, or delivered there whole. */
  const known = folders.map(() => new Map<string, Buffer>())
  const stamps = folders.map(() => new Map<string, Stamp>())
  const slots = new Map<string, Delivery>()
  const key = (to: number, rel: string) => `${to}\0${rel}`
  const transient = (to: number) =>
    new Set([...slots.values()].filter((d) => d.to === to).flatMap((d) => d.plan.transient))

  const styles = (): DeliveryStyle[] =>
    current.styles ?? [
      'whole',
      ...(current.partial ? (['partial'] as const) : []),
      ...(current.tempNames ? (['syncthing', 'dropbox'] as const) : []),
      ...(current.placeholders ? (['icloud', 'onedrive'] as const) : []),
    ]

  function enqueue(from: number, to: number, rel: string, bytes: Buffer | null): void {
    const choices = styles()
    const style = bytes ? choices[Math.floor(random() * choices.length)]! : 'delete'
    const next = bytes ? plan(style as DeliveryStyle, rel, bytes, random) : removal(rel)
    const old = slots.get(key(to, rel))
    // A superseded delivery may have left its temporary name behind: the new one clears it first.
    if (old?.next) {
      next.stages[0]!.unshift(...old.plan.transient.map((path): Op => ({ op: 'remove', path })))
      next.transient.push(...old.plan.transient.filter((path) => !next.transient.includes(path)))
    }
    const readyAt = clock + Math.floor(random() * ((current.delay ?? 0) + 1))
    slots.set(key(to, rel), { from, to, rel, style, bytes, plan: next, next: 0, readyAt, seq: seq++ })
  }

  async function list(f: number, dir = ''): Promise<string[]> {
    const entries = await readdir(join(folders[f]!, dir), { withFileTypes: true }).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT' && dir === '')
          throw new Error(`courier: folder ${f} (${folders[f]}) is gone`)
        throw error
      },
    )
    const names = entries.map((e) => ({ rel: dir ? `${dir}/${e.name}` : e.name, isDir: e.isDirectory() }))
    names.sort((a, b) => (a.rel < b.rel ? -1 : 1))
    const out: string[] = []
    for (const n of names) out.push(...(n.isDir ? await list(f, n.rel) : [n.rel]))
    return out
  }

  /** New or changed files are that folder's own writes and set out for the others; missing ones, deletes. */
  async function scan(): Promise<void> {
    for (let f = 0; f < folders.length; f++) {
      const skip = transient(f)
      const seen = new Set<string>()
      for (const rel of await list(f)) {
        if (skip.has(rel) || slots.has(key(f, rel))) continue
        const found = await look(join(folders[f]!, rel), stamps[f]!.get(rel))
        if (found === 'gone') continue
        seen.add(rel)
        if (found === 'unchanged') continue
        stamps[f]!.set(rel, found.stamp)
        const bytes = found.bytes
        if (known[f]!.get(rel)?.equals(bytes)) continue
        known[f]!.set(rel, bytes)
        const first = origin.get(rel)
        if (first === undefined) origin.set(rel, f)
        else if (first !== f) conflicts.push({ step: clock, path: rel, folders: [first, f] })
        for (let to = 0; to < folders.length; to++) if (to !== f) enqueue(f, to, rel, bytes)
      }
      for (const rel of [...known[f]!.keys()]) {
        if (seen.has(rel) || slots.has(key(f, rel))) continue
        known[f]!.delete(rel)
        origin.delete(rel)
        stamps[f]!.delete(rel)
        for (let to = 0; to < folders.length; to++)
          if (to !== f && (known[to]!.has(rel) || slots.has(key(to, rel)))) enqueue(f, to, rel, null)
      }
    }
  }

  async function perform(to: number, op: Op): Promise<string> {
    const at = (rel: string) => join(folders[to]!, rel)
    if (op.op === 'write') {
      await mkdir(dirname(at(op.path)), { recursive: true })
      await writeFile(at(op.path), op.bytes)
      return `write ${op.path} (${op.bytes.length} bytes)`
    }
    if (op.op === 'rename') {
      await mkdir(dirname(at(op.to)), { recursive: true })
      await rename(at(op.from), at(op.to))
      return `rename ${op.from} -> ${op.to}`
    }
    await rm(at(op.path), { force: true })
    return `remove ${op.path}`
  }

  function pick(): Delivery | undefined {
    const ready = [...slots.values()].filter((d) => d.readyAt <= clock).sort((a, b) => a.seq - b.seq)
    if (current.order === 'fifo') return ready[0]
    return ready[Math.floor(random() * ready.length)]
  }

  async function step(): Promise<CourierAction | 'waiting' | null> {
    clock++
    await scan()
    if (slots.size === 0) return null
    const d = pick()
    if (!d) return 'waiting'
    const ops: string[] = []
    for (const op of d.plan.stages[d.next]!) ops.push(await perform(d.to, op))
    d.next++
    const action: CourierAction = {
      step: clock,
      from: d.from,
      to: d.to,
      path: d.rel,
      style: d.style,
      stage: d.next,
      of: d.plan.stages.length,
      ops,
    }
    log.push(action)
    if (d.next === d.plan.stages.length) {
      slots.delete(key(d.to, d.rel))
      // Known whole now, so the next scan does not take the delivered file for the target's own write.
      if (d.bytes) known[d.to]!.set(d.rel, d.bytes)
      else known[d.to]!.delete(d.rel)
      stamps[d.to]!.delete(d.rel)
      if (d.bytes && random() < (current.duplicates ?? 0)) enqueue(d.from, d.to, d.rel, d.bytes)
    }
    return action
  }

  async function flush(maxSteps = 100_000): Promise<CourierAction[]> {
    const taken: CourierAction[] = []
    for (let n = 0; n < maxSteps; n++) {
      const result = await step()
      if (result === null) return taken
      if (result !== 'waiting') taken.push(result)
    }
    throw new Error(`courier: still ${slots.size} deliveries after ${maxSteps} steps`)
  }

  return {
    step,
    flush,
    async deliverAll(overrides = {}) {
      const saved = current
      current = { ...current, ...check(overrides) }
      try {
        return await flush()
      } finally {
        current = saved
      }
    },
    pending: () => slots.size,
    log,
    conflicts,
  }
}
