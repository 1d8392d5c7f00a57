import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Standard } from '../../shared/followups/standards'
import { useTempDirs } from '../test-support/temp-dir'
import { openDevice, type TestDevice } from './test-devices'

const tempDir = useTempDirs()

async function pair(): Promise<[TestDevice, TestDevice]> {
  const root = tempDir()
  const folder = join(root, 'Sync')
  return [await openDevice(root, 'a', folder), await openDevice(root, 'b', folder)]
}

async function settle(...all: TestDevice[]): Promise<void> {
  for (let round = 0; round < 2; round++) for (const d of all) await d.engine.pass()
}

const searchesOf = (d: TestDevice) => d.stores.searches.list()
const saveSearch = (d: TestDevice, id: string, name: string, query: string) =>
  d.stores.searches.change((list) => [
    ...list.filter((s) => s.id !== id),
    { id, name, query, createdAt: `2026-01-0${list.length + 1}T00:00:00.000Z` },
  ])
const standardsOf = async (d: TestDevice) =>
  d.stores.settings.standards().sort((x, y) => x.id.localeCompare(y.id))
const settings = async (d: TestDevice) => d.stores.settings
const ids = (list: { id: string }[]) => list.map((x) => x.id).sort()

describe('sync: saved searches', () => {
  it('brings saved searches with their ids, and renames and deletes back', async () => {
    const [a, b] = await pair()
    await saveSearch(a, 's1', 'Hot leads', 'tag:lead is:open')
    await saveSearch(a, 's2', 'Overdue', 'due:overdue')
    await settle(a, b)
    expect(await searchesOf(b)).toEqual(await searchesOf(a))
    await b.stores.searches.change((list) =>
      list.filter((s) => s.id !== 's2').map((s) => ({ ...s, name: 'Leads' })),
    )
    await settle(a, b)
    expect((await searchesOf(a)).map((s) => [s.id, s.name])).toEqual([['s1', 'Leads']])
    await Promise.all([a.close(), b.close()])
  })

  it('keeps searches saved on both devices while apart, and a delete wins over a concurrent rename', async () => {
    const [a, b] = await pair()
    await saveSearch(a, 'gone', 'Old', 'tag:old')
    await settle(a, b)
    await saveSearch(a, 'fromA', 'A', 'tag:a')
    await a.stores.searches.change((list) => list.filter((s) => s.id !== 'gone'))
    await saveSearch(b, 'fromB', 'B', 'tag:b')
    await b.stores.searches.change((list) =>
      list.map((s) => (s.id === 'gone' ? { ...s, name: 'Renamed' } : s)),
    )
    await settle(a, b)
    expect(await searchesOf(a)).toEqual(await searchesOf(b))
    expect(ids(await searchesOf(a))).toEqual(['fromA', 'fromB'])
    await Promise.all([a.close(), b.close()])
  })
})

const custom: Standard = { id: 'renewal', name: 'Renewal', unit: 'days', offsets: [7, 14], repeat: false }

describe('sync: follow-up standards', () => {
  it('brings a new or edited standard with its id, and a delete', async () => {
    const [a, b] = await pair()
    await (await settings(a)).saveStandard(custom)
    await (await settings(a)).deleteStandard('weekly-check')
    await settle(a, b)
    expect(await standardsOf(b)).toEqual(await standardsOf(a))
    expect(ids(await standardsOf(b))).toEqual(['48-hour-reply', 'renewal', 'sales-lead'])
    await (await settings(b)).saveStandard({ ...custom, offsets: [3, 7, 14] })
    await settle(a, b)
    expect((await standardsOf(a)).find((s) => s.id === 'renewal')!.offsets).toEqual([3, 7, 14])
    await Promise.all([a.close(), b.close()])
  })

  it("gives a device joining later the folder's standards, not its own defaults back", async () => {
    const root = tempDir()
    const a = await openDevice(root, 'a', join(root, 'Sync'))
    const edited = {
      id: 'sales-lead',
      name: 'Sales lead',
      unit: 'days' as const,
      offsets: [1, 3],
      repeat: false,
    }
    await (await settings(a)).saveStandard(edited)
    await (await settings(a)).deleteStandard('weekly-check')
    await a.engine.pass()
    const c = await openDevice(root, 'c', a.folder) // a fresh library: the three defaults as they ship
    await settle(a, c)
    for (const d of [a, c]) {
      expect(ids(await standardsOf(d))).toEqual(['48-hour-reply', 'sales-lead'])
      expect((await standardsOf(d)).find((s) => s.id === 'sales-lead')).toEqual(edited)
    }
    await Promise.all([a.close(), c.close()])
  })

  it('brings back a standard made again with the id of one deleted earlier', async () => {
    const [a, b] = await pair()
    await (await settings(a)).saveStandard(custom)
    await settle(a, b)
    await (await settings(a)).deleteStandard('renewal')
    await settle(a, b)
    expect(ids(await standardsOf(b))).not.toContain('renewal')
    await (await settings(b)).saveStandard({ ...custom, name: 'Renewal again' })
    await settle(a, b)
    expect((await standardsOf(a)).find((s) => s.id === 'renewal')?.name).toBe('Renewal again')
    await Promise.all([a.close(), b.close()])
  })
})
