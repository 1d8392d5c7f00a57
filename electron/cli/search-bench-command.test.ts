import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { run } from './run'

const tempDir = useTempDirs()

describe('tickler bench --search', () => {
  it('`bench --search --corpus DIR` reports every engine on that corpus', async () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'sub'))
    for (let i = 0; i < 40; i++) {
      writeFileSync(
        join(dir, i % 2 ? 'sub' : '', `n${i}.md`),
        `# Note ${i}\nfollow up with client number${i} about the quote\n`,
      )
    }
    const out: string[] = []
    const code = await run(
      ['bench', '--search', '--corpus', dir, '--json'],
      { out: (t) => out.push(t), err: () => undefined },
      {},
    )
    expect(code).toBe(0)
    const result = JSON.parse(out.join('\n'))
    expect(result.notes).toBe(40)
    expect(result.peers.map((p: { name: string }) => p.name)).toEqual([
      'minisearch',
      'flexsearch',
      'sqlite-fts5',
    ])
    for (const peer of result.peers) {
      expect(peer).toMatchObject({
        indexMs: expect.any(Number),
        p95Ms: expect.any(Number),
        heapMB: expect.any(Number),
      })
    }
    expect(result.baseline).toEqual(result.peers[0])
  })
})
