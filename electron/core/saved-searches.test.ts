import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../shared/rpc'
import { openLibrary } from './library'
import { MAX_SAVED_SEARCHES, createSavedSearchHandlers } from './saved-searches'
import { useTempDirs } from './test-support/temp-dir'
import type { Library } from './types'

const tempDir = useTempDirs()
const open: Library[] = []
afterEach(async () => {
  for (const lib of open.splice(0)) await lib.close()
})

async function setup(dir = tempDir()) {
  const lib = await openLibrary(dir, { holder: 'test' })
  open.push(lib)
  return { dir, lib, h: createSavedSearchHandlers(lib) }
}

describe('saved searches', () => {
  it('saves in order, renames instead of duplicating a query, removes, and survives a reopen', async () => {
    const { dir, lib, h } = await setup()
    await h['search.save']({ name: 'Overdue leads', query: 'tag:lead due:overdue' })
    await h['search.save']({ name: '견적', query: '견적 -draft' })
    const renamed = await h['search.save']({ name: 'Late leads', query: ' tag:lead due:overdue ' })
    expect(renamed.map((s) => [s.name, s.query])).toEqual([
      ['Late leads', 'tag:lead due:overdue'],
      ['견적', '견적 -draft'],
    ])
    const left = await h['search.unsave']({ id: renamed[0]!.id })
    expect(left.map((s) => s.name)).toEqual(['견적'])
    await lib.close()
    open.pop()
    const again = await setup(dir)
    expect((await again.h['search.saved']({})).map((s) => s.query)).toEqual(['견적 -draft'])
  })

  it('refuses an empty name or query at the contract and saves nothing', async () => {
    const { h } = await setup()
    const result = await dispatch(h as Handlers, 'search.save', { name: '  ', query: 'x' })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h['search.saved']({})).toEqual([])
  })

  it(`keeps at most ${MAX_SAVED_SEARCHES} and says so`, async () => {
    const { h } = await setup()
    for (let i = 0; i < MAX_SAVED_SEARCHES; i++) await h['search.save']({ name: `s${i}`, query: `q${i}` })
    await expect(h['search.save']({ name: 'one more', query: 'extra' })).rejects.toThrow(/remove one first/)
    expect(await h['search.saved']({})).toHaveLength(MAX_SAVED_SEARCHES)
  })

  it('moves a damaged file aside instead of overwriting it, and starts empty', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'saved-searches.json'), '{ not json')
    const { h } = await setup(dir)
    expect(await h['search.saved']({})).toEqual([])
    await h['search.save']({ name: 'new', query: 'fresh' })
    expect(readdirSync(join(dir, 'corrupt')).some((f) => f.startsWith('saved-searches.'))).toBe(true)
    expect(existsSync(join(dir, 'saved-searches.json'))).toBe(true)
  })
})
