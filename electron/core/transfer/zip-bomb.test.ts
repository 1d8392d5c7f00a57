import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AttachmentStore } from '../attachments/store'
import { deflated, deflatedZeros, writeDeflatedZip, type DeflatedFile } from '../bench/deflated-zip'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import { importFiles } from './import'

const tempDir = useTempDirs()
const MB = 1024 * 1024
const note = (text: string) => deflated('bomb/index.md', Buffer.from(text))

async function importZip(files: DeflatedFile[]) {
  const dir = tempDir()
  const lib = await openLibrary(dir)
  const run = importFiles(lib, new AttachmentStore(dir), [{ path: 'bomb.zip', data: writeDeflatedZip(files) }])
  return { lib, run }
}

/** Bytes that deflate about 30:1: below the per-file ratio, so only the import's total can stop them. */
function compressible(bytes: number): Buffer {
  const data = Buffer.alloc(bytes, 0x61)
  const noise = randomBytes(Math.ceil(bytes / 40))
  for (let i = 0; i < noise.length; i++) data[i * 40] = noise[i]!
  return data
}

describe('importing a zip bomb', () => {
  it('refuses a linked file that unpacks past the ratio limit, naming the zip, the file and the limit', async () => {
    const { lib, run } = await importZip([
      note('# Open me\n\n![chart](chart.png)\n'),
      await deflatedZeros('bomb/chart.png', 200 * MB),
    ])
    await expect(run).rejects.toThrow(
      /"bomb\.zip" was not imported: "bomb\/chart\.png" unpacks to more than 100 times its packed size/,
    )
    expect(lib.listNotes()).toHaveLength(0)
  })

  it('catches a bomb whose directory lies about its size while unpacking it', async () => {
    const bomb = { ...(await deflatedZeros('bomb/chart.png', 60 * MB)), size: 1000 }
    const { lib, run } = await importZip([note('# Open me\n\n![chart](chart.png)\n'), bomb])
    await expect(run).rejects.toThrow(/"bomb\/chart\.png" unpacks to more than 100 times its packed size of 60 KB/)
    expect(lib.listNotes()).toHaveLength(0)
  })

  it('skips a linked file past the attachment limit that stays within the ratio, importing the note', async () => {
    const big = { ...deflated('bomb/chart.png', compressible(51 * MB)), size: 1000 }
    const { lib, run } = await importZip([note('# Open me\n\n![chart](chart.png)\n'), big])
    const result = await run
    expect(result.skipped).toContainEqual({ path: 'bomb/chart.png', reason: 'larger than 50 MB, the attachment limit' })
    expect(result.attachments).toBe(0)
    expect(lib.listNotes()).toHaveLength(1)
  })

  it('never unpacks a file no note links to', async () => {
    // Not deflate data at all: unpacking it would fail the whole zip.
    const garbage: DeflatedFile = { path: 'bomb/unused.bin', packed: Buffer.from([0xff, 0xff, 0xff]), size: 3, crc: 0 }
    const { lib, run } = await importZip([note('# Just text\n'), garbage])
    const result = await run
    expect(result.imported.map((n) => n.title)).toEqual(['Just text'])
    expect(result.skipped).toEqual([{ path: 'bomb/unused.bin', reason: 'not Markdown and no note links to it' }])
    expect(lib.listNotes()).toHaveLength(1)
  })

  it('refuses a zip whose linked files together unpack past the total for one import', async () => {
    const picture = deflated('picture', compressible(30 * MB))
    const files = [note('![a](a.png) ![b](b.png) ![c](c.png) ![d](d.png)\n')]
    for (const name of ['a', 'b', 'c', 'd']) files.push({ ...picture, path: `bomb/${name}.png` })
    const { lib, run } = await importZip(files)
    await expect(run).rejects.toThrow(
      /"bomb\.zip" was not imported: its files unpack to more than 100 MB \(reached at "bomb\/d\.png"\), the limit for one import/,
    )
    expect(lib.listNotes()).toHaveLength(0)
  })
})
