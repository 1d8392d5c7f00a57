import { readdirSync } from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../test-support/temp-dir'
import { AttachmentStore } from './store'

const listings = vi.hoisted(() => ({ count: 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  return { ...real, readdir: ((...args: Parameters<typeof real.readdir>) => (listings.count++, real.readdir(...args))) as typeof real.readdir }
})

const tempDir = useTempDirs()

describe('adding to a full attachment folder', () => {
  it('costs one look at the target name per add, not a listing of the whole folder', async () => {
    const dir = tempDir()
    const store = new AttachmentStore(dir)
    listings.count = 0
    for (let i = 0; i < 300; i++) await store.add(Buffer.from(`picture ${i}`), `p${i}.png`, 'image/png')
    // One listing at most, made once for bytes that come again under another extension.
    expect(listings.count).toBeLessThanOrEqual(1)
    expect(readdirSync(join(dir, 'attachments'))).toHaveLength(300)

    const again = await store.add(Buffer.from('picture 7'), 'same-bytes.jpeg', 'image/jpeg')
    expect(again.file).toMatch(/\.png$/) // stored once, under the name it first got
    expect(readdirSync(join(dir, 'attachments'))).toHaveLength(300)
    expect(listings.count).toBeLessThanOrEqual(1)
  })
})
