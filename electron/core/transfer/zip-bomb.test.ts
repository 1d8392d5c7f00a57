import { describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment'
import { AttachmentStore } from '../attachments/store'
import { deflated, deflatedZeros, writeDeflatedZip, type DeflatedFile } from '../bench/deflated-zip'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import { importFiles, unzipBudgetFor } from './import'
import { INFLATE_PIECE_BYTES, UNZIP_LIMITS } from './zip-read'

const tempDir = useTempDirs()
const MB = 1024 * 1024
const note = (text: string) => deflated('bomb/index.md', Buffer.from(text))

/** Imports one zip of `files`, with the budget it unpacks against, to see what unpacking cost. */
async function importZip(files: DeflatedFile[]) {
  const dir = tempDir()
  const lib = await openLibrary(dir)
  const input = [{ path: 'bomb.zip', data: writeDeflatedZip(files) }]
  const budget = unzipBudgetFor(input)
  const run = importFiles(lib, new AttachmentStore(dir), input, undefined, budget)
  return { lib, run, budget }
}

/** The import's refusal, or null when it imported: awaited first, so a test checks the cost before the reason. */
const refusal = (run: Promise<unknown>) => run.then(() => null, (error: Error) => error.message)

/** What one file may unpack to before the ratio limit refuses it. */
const ratioBound = (file: DeflatedFile) =>
  Math.max(UNZIP_LIMITS.ratioFreeBytes, file.packed.length * UNZIP_LIMITS.ratio)

/**
 * Bytes that deflate about 30:1: below the per-file ratio, so only the import's total can stop them. The
 * noise is a seeded xorshift, so every run packs the same bytes and stops at the same place.
 */
function compressible(bytes: number, seed = 0x9e3779b9): Buffer {
  const data = Buffer.alloc(bytes, 0x61)
  let x = seed | 0
  for (let i = 0; i < bytes; i += 40) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    data[i] = x & 0xff
  }
  return data
}

describe('importing a zip bomb', () => {
  it('refuses a linked file that unpacks past the ratio limit, naming the zip, the file and the limit', async () => {
    const { lib, run, budget } = await importZip([
      note('# Open me\n\n![chart](chart.png)\n'),
      await deflatedZeros('bomb/chart.png', 200 * MB),
    ])
    const refused = await refusal(run)
    // Its directory admits to 200 MB, so it is refused before a byte of it is unpacked.
    expect(budget.inflatedBytes('bomb/chart.png')).toBe(0)
    expect(refused).toMatch(
      /"bomb\.zip" was not imported: "bomb\/chart\.png" unpacks to more than 100 times its packed size/,
    )
    expect(lib.listNotes()).toHaveLength(0)
  })

  it('catches a bomb whose directory lies about its size while unpacking it', async () => {
    const bomb = { ...(await deflatedZeros('bomb/chart.png', 60 * MB)), size: 1000 }
    const { lib, run, budget } = await importZip([note('# Open me\n\n![chart](chart.png)\n'), bomb])
    const refused = await refusal(run)
    // Unpacking stopped at the ratio's 6 MB, not at the 50 MB attachment limit or the 60 MB it holds.
    const unpacked = budget.inflatedBytes('bomb/chart.png')
    expect(unpacked).toBeGreaterThan(ratioBound(bomb))
    expect(unpacked).toBeLessThanOrEqual(ratioBound(bomb) + INFLATE_PIECE_BYTES)
    expect(refused).toMatch(/"bomb\/chart\.png" unpacks to more than 100 times its packed size of 60 KB/)
    expect(lib.listNotes()).toHaveLength(0)
  })

  it('skips a linked file past the attachment limit that stays within the ratio, importing the note', async () => {
    const big = { ...deflated('bomb/chart.png', compressible(51 * MB)), size: 1000 }
    expect(ratioBound(big)).toBeGreaterThan(51 * MB)
    const { lib, run, budget } = await importZip([note('# Open me\n\n![chart](chart.png)\n'), big])
    const result = await run
    expect(result.skipped).toContainEqual({ path: 'bomb/chart.png', reason: 'larger than 50 MB, the attachment limit' })
    expect(budget.inflatedBytes('bomb/chart.png')).toBeLessThanOrEqual(MAX_ATTACHMENT_BYTES + INFLATE_PIECE_BYTES)
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

  it('unpacks only the Markdown files and what they link to, each once', async () => {
    const text = '# Open me\n\n![chart](chart.png) ![again](chart.png)\n\nSee [the log](log.md).\n'
    const chart = compressible(2 * MB, 1)
    const files = [
      note(text),
      deflated('bomb/chart.png', chart),
      deflated('bomb/log.md', Buffer.from('# Log\n')),
      // Valid, small enough to import: only being unused keeps it packed.
      deflated('bomb/unused.bin', compressible(2 * MB, 2)),
      deflated('bomb/unused.png', compressible(2 * MB, 3)),
    ]
    const { run, budget } = await importZip(files)
    const result = await run
    expect(result.imported.map((n) => n.title).sort()).toEqual(['Log', 'Open me'])
    expect(result.attachments).toBe(1)
    expect(budget.inflatedBytes('bomb/unused.bin')).toBe(0)
    expect(budget.inflatedBytes('bomb/unused.png')).toBe(0)
    // The counts are real: what was used was unpacked, in full, once.
    expect(budget.inflatedBytes('bomb/index.md')).toBe(Buffer.byteLength(text))
    expect(budget.inflatedBytes('bomb/log.md')).toBe('# Log\n'.length)
    expect(budget.inflatedBytes('bomb/chart.png')).toBe(chart.length)
    expect(budget.inflatedBytes()).toBe(Buffer.byteLength(text) + '# Log\n'.length + chart.length)
  })

  /** Four linked 30 MB pictures, each within the ratio; d's directory declares `declared` bytes for it. */
  async function importFourPictures(declared: number) {
    const picture = deflated('picture', compressible(30 * MB))
    expect(ratioBound(picture)).toBeGreaterThan(30 * MB)
    const files = [note('![a](a.png) ![b](b.png) ![c](c.png) ![d](d.png)\n')]
    for (const name of ['a', 'b', 'c']) files.push({ ...picture, path: `bomb/${name}.png` })
    files.push({ ...picture, path: 'bomb/d.png', size: declared })
    const { lib, run, budget } = await importZip(files)
    const refused = await refusal(run)
    expect(budget.total).toBe(100 * MB)
    expect(budget.inflatedBytes('bomb/c.png')).toBe(30 * MB)
    const refusedForTotal = () => {
      expect(refused).toMatch(
        /"bomb\.zip" was not imported: its files unpack to more than 100 MB \(reached at "bomb\/d\.png"\), the limit for one import/,
      )
      expect(lib.listNotes()).toHaveLength(0)
    }
    return { budget, refusedForTotal }
  }

  it('refuses a zip whose linked files together unpack past the total for one import', async () => {
    const { budget, refusedForTotal } = await importFourPictures(30 * MB)
    // d's directory admits to more than the 10 MB left, so d is refused before it is unpacked.
    expect(budget.inflatedBytes('bomb/d.png')).toBe(0)
    expect(budget.inflatedBytes()).toBeLessThanOrEqual(budget.total)
    refusedForTotal()
  })

  it('stops a file whose directory lies where the total for one import runs out', async () => {
    const { budget, refusedForTotal } = await importFourPictures(1000)
    const before = budget.inflatedBytes() - budget.inflatedBytes('bomb/d.png')
    expect(budget.inflatedBytes('bomb/d.png')).toBeGreaterThan(budget.total - before)
    expect(budget.inflatedBytes()).toBeLessThanOrEqual(budget.total + INFLATE_PIECE_BYTES)
    refusedForTotal()
  })
})
