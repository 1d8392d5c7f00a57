import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { TestDevice } from './test-devices'

/** mulberry32: a small seeded generator, so a failing seed can be run again. */
export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return { next, int, pick: <T>(items: T[]): T | undefined => items[int(items.length)] }
}

/**
 * The sync tool, minimally: copies one of a device's own files into another device's folder — whole,
 * half (still arriving), or again — and carries a compaction's removals over, each at a random moment.
 */
export function ownFiles(d: TestDevice): string[] {
  const dir = join(d.folder, 'devices', d.engine.state.deviceId)
  return existsSync(dir) ? readdirSync(dir) : []
}
export function copy(from: TestDevice, to: TestDevice, name: string, half: boolean): void {
  const id = from.engine.state.deviceId
  const bytes = readFileSync(join(from.folder, 'devices', id, name))
  mkdirSync(join(to.folder, 'devices', id), { recursive: true })
  writeFileSync(join(to.folder, 'devices', id, name), half ? bytes.subarray(0, bytes.length >> 1) : bytes)
}
export function carryRemovals(from: TestDevice, to: TestDevice): void {
  const id = from.engine.state.deviceId
  const dir = join(to.folder, 'devices', id)
  const kept = new Set(ownFiles(from))
  if (existsSync(dir)) for (const name of readdirSync(dir)) if (!kept.has(name)) rmSync(join(dir, name))
}
export function deliverAll(devices: TestDevice[]): void {
  for (const from of devices) {
    for (const to of devices) {
      if (to === from) continue
      carryRemovals(from, to)
      for (const name of ownFiles(from)) copy(from, to, name, false)
    }
  }
}
