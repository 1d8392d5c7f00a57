import { describe, expect, it } from 'vitest'
import { runSyncBench } from './sync-bench'

describe('sync bench', () => {
  it('reports figures from a real join: every note arrived, edits measured, the folder sized', async () => {
    const r = await runSyncBench(120, { edits: 4 })
    expect(r.notes).toBe(120)
    expect(r.join.notesThere).toBe(120)
    expect(r.join.searchableS).toBeGreaterThanOrEqual(r.join.passS)
    expect(r.edit.count).toBe(4)
    expect(r.edit.arrivedP95Ms).toBeGreaterThan(0)
    expect(r.edit.arrivedP95Ms).toBeGreaterThanOrEqual(r.edit.arrivedP50Ms)
    // Real bytes on both sides: the folder holds the notes' docs, the library their JSON.
    expect(r.folder.bytes).toBeGreaterThan(0)
    expect(r.folder.noteJsonBytes).toBeGreaterThan(120 * 100)
    expect(r.folder.ratio).toBeCloseTo(r.folder.bytes / r.folder.noteJsonBytes, 1)
    expect(r.idle).toBeNull() // no CLI given: the idle loop is not watched
  }, 120_000)
})
