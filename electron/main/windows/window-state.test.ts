import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadWindowState, saveWindowState } from './window-state'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tickler-window-state-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('window state file', () => {
  it('round-trips bounds and the maximized flag, leaving no temporary file', async () => {
    const file = join(dir, 'nested', 'window-state.json')
    saveWindowState(file, { x: -1200, y: 40, width: 900, height: 700, maximized: true })
    expect(loadWindowState(file)).toEqual({ x: -1200, y: 40, width: 900, height: 700, maximized: true })
    expect(await readdir(join(dir, 'nested'))).toEqual(['window-state.json'])
  })

  it('overwrites the previous state', async () => {
    const file = join(dir, 'window-state.json')
    saveWindowState(file, { x: 1, y: 2, width: 800, height: 600, maximized: false })
    saveWindowState(file, { width: 1000, height: 650, maximized: false })
    expect(loadWindowState(file)).toEqual({ width: 1000, height: 650, maximized: false })
  })

  it('returns undefined for a missing, truncated or wrongly shaped file', async () => {
    const file = join(dir, 'window-state.json')
    expect(loadWindowState(file)).toBeUndefined()
    await writeFile(file, '{"x": 10, "y": 2')
    expect(loadWindowState(file)).toBeUndefined()
    await writeFile(file, JSON.stringify({ x: 1, y: 2, width: -5, height: 'tall' }))
    expect(loadWindowState(file)).toBeUndefined()
  })

  it('refuses to write an invalid state and keeps the old file intact', async () => {
    const file = join(dir, 'window-state.json')
    saveWindowState(file, { width: 800, height: 600, maximized: false })
    expect(() => saveWindowState(file, { width: 0, height: 600, maximized: false })).toThrow()
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ width: 800, height: 600, maximized: false })
    expect(await readdir(dir)).toEqual(['window-state.json'])
  })
})
