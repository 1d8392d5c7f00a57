import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { AttachmentStore } from '../attachments/store'
import { runImport } from '../import/run-import'
import { openLibrary } from '../library'

export interface EnexBenchResult {
  fileMB: number
  notes: number
  generateS: number
  importS: number
  mbPerS: number
  peakRssMB: number
  heapAfterMB: number
  status: string
}

/** 16 distinct 768 KB pictures, reused: each note still streams its own base64 through decode and hashing. */
const PAYLOADS = Array.from({ length: 16 }, (_, i) => {
  const bytes = Buffer.alloc(768 * 1024)
  for (let j = 0; j < bytes.length; j += 4) bytes.writeUInt32LE((j * 2654435761 + i * 97) >>> 0, j)
  return { base64: bytes.toString('base64').replace(/.{76}/g, '$&\n'), md5: createHash('md5').update(bytes).digest('hex') }
})

async function generate(path: string, targetBytes: number): Promise<number> {
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n<en-export>\n')
  let notes = 0
  for (let written = 0; written < targetBytes; notes++) {
    const p = PAYLOADS[notes % PAYLOADS.length]!
    const body = `<en-note><h1>회의 ${notes}</h1><div>후속조치를 챙기세요 &amp; follow up ${notes}</div><div><en-todo checked="false"/>task ${notes}</div><en-media type="image/png" hash="${p.md5}"/></en-note>`
    const note = `<note><title>Bench note ${notes}</title><created>20240101T000000Z</created><updated>20240102T000000Z</updated><tag>bench</tag><content><![CDATA[${body}]]></content><resource><data encoding="base64">${p.base64}</data><mime>image/png</mime><resource-attributes><file-name>p${notes % 16}.png</file-name></resource-attributes></resource></note>\n`
    await write(note)
    written += note.length
  }
  await write('</en-export>\n')
  out.end()
  await once(out, 'finish')
  return notes
}

/**
 * Generates an ENEX of about `gb` gigabytes in a temp folder and imports it into a fresh library,
 * sampling the process's resident memory. The point: memory stays flat however big the file.
 */
export async function runEnexBench(gb: number, log: (line: string) => void = () => undefined): Promise<EnexBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tickler-enex-bench-'))
  try {
    const file = join(dir, 'bench.enex')
    const t0 = performance.now()
    log(`Generating ${gb} GB of ENEX…`)
    const notes = await generate(file, gb * 1024 ** 3)
    const generateS = (performance.now() - t0) / 1000
    const { size } = await stat(file)
    const library = await openLibrary(join(dir, 'library'), { holder: 'bench' })
    const store = new AttachmentStore(library.dataDir)
    let peak = process.memoryUsage().rss
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    log(`Importing ${notes} notes (${Math.round(size / 1024 ** 2)} MB)…`)
    const t1 = performance.now()
    const summary = await runImport(
      { library, store: (b, n, m, w) => store.add(b, n, m, w), tempRoot: dir },
      { jobId: 'bench', path: file, name: 'bench.enex', options: {}, signal: new AbortController().signal },
    )
    const importS = (performance.now() - t1) / 1000
    clearInterval(sample)
    peak = Math.max(peak, process.memoryUsage().rss)
    const heapAfterMB = Math.round(process.memoryUsage().heapUsed / 1024 ** 2)
    await library.close()
    return {
      fileMB: Math.round(size / 1024 ** 2),
      notes: summary.imported,
      generateS: Math.round(generateS * 10) / 10,
      importS: Math.round(importS * 10) / 10,
      mbPerS: Math.round(size / 1024 ** 2 / importS),
      peakRssMB: Math.round(peak / 1024 ** 2),
      heapAfterMB,
      status: `${summary.status}, ${summary.skipped.length} skipped, ${summary.warnings.length} warnings`,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
