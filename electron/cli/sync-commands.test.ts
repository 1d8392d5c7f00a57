import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { cli } from './testing/run-cli'

const tempDir = useTempDirs()
const NOW = '2025-03-06T05:00:00Z'

describe('tickler sync, append and status', () => {
  it('syncs two libraries through a folder; an append on one reaches the other; status shows the devices', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const laptop = ['--data-dir', join(root, 'laptop'), '--now', NOW]
    const desktop = ['--data-dir', join(root, 'desktop'), '--now', NOW]
    const id = JSON.parse((await cli('add', 'Quote for Kim\nfirst line', '--json', ...laptop)).out)
      .id as string
    expect(await cli('sync', '--folder', folder, '--device', 'Laptop', '--once', ...laptop)).toMatchObject({
      code: 0,
    })
    const joined = await cli('sync', '--folder', folder, '--device', 'Desktop', '--once', ...desktop)
    expect(joined).toMatchObject({ code: 0, out: expect.stringContaining('1 note(s) updated') })
    const appended = await cli('append', id, 'second line', ...desktop)
    expect(appended).toMatchObject({ code: 0, out: `Appended to ${id} Quote for Kim` })
    // The folder recorded at the first sync is used from then on.
    expect(await cli('sync', '--once', ...laptop)).toMatchObject({ code: 0 })
    const shown = JSON.parse((await cli('show', id, '--json', ...laptop)).out)
    expect(shown.text).toBe('first line\nsecond line')
    const status = JSON.parse((await cli('status', '--json', ...laptop)).out)
    expect(status).toMatchObject({
      notes: 1,
      sync: { folder, device: { name: 'Laptop' }, lastSyncAt: '2025-03-06T05:00:00.000Z', problems: [] },
    })
    expect(status.sync.devices).toEqual([expect.objectContaining({ name: 'Desktop' })])
    expect(status.sync.localChanges).toBe(0)
    await cli('add', 'Not synced yet', ...laptop)
    expect(JSON.parse((await cli('status', '--json', ...laptop)).out).sync.localChanges).toBe(1)
  })

  it('appends without sync set up, and status says sync is off', async () => {
    const base = ['--data-dir', tempDir(), '--now', NOW]
    const id = JSON.parse((await cli('add', 'Call\nasked for a quote', '--json', ...base)).out).id as string
    expect(await cli('append', id, '다음 주에 다시 전화', ...base)).toMatchObject({ code: 0 })
    expect(JSON.parse((await cli('show', id, '--json', ...base)).out).text).toBe(
      'asked for a quote\n다음 주에 다시 전화',
    )
    expect(JSON.parse((await cli('status', '--json', ...base)).out)).toEqual({ notes: 1, sync: null })
    expect(await cli('append', 'nosuchnote', 'x', ...base)).toMatchObject({ code: 1 })
    expect(await cli('append', id, ...base)).toMatchObject({ code: 2 })
  })

  it('explains what to do: no folder yet, or a folder holding a different library', async () => {
    const root = tempDir()
    const folder = join(root, 'Sync')
    const mine = ['--data-dir', join(root, 'mine'), '--now', NOW]
    const theirs = ['--data-dir', join(root, 'theirs'), '--now', NOW]
    expect(await cli('sync', '--once', ...mine)).toMatchObject({
      code: 1,
      err: expect.stringContaining('--folder DIR'),
    })
    await cli('add', 'Theirs', ...theirs)
    await cli('sync', '--folder', folder, '--once', ...theirs)
    await cli('add', 'Mine', ...mine)
    const refused = await cli('sync', '--folder', folder, '--once', ...mine)
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('--merge') })
    expect(await cli('sync', '--folder', folder, '--once', '--merge', ...mine)).toMatchObject({ code: 0 })
    const titles = JSON.parse((await cli('list', '--json', ...mine)).out).map(
      (n: { title: string }) => n.title,
    )
    expect(titles.sort()).toEqual(['Mine', 'Theirs'])
  })
})
