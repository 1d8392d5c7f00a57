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
  notesPerS: number
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

/** A picture note: a short body and one of the 768 KB pictures (the bytes-per-second case). */
function pictureNote(n: number): string {
  const p = PAYLOADS[n % PAYLOADS.length]!
  const body = `<en-note><h1>회의 ${n}</h1><div>후속조치를 챙기세요 &amp; follow up ${n}</div><div><en-todo checked="false"/>task ${n}</div><en-media type="image/png" hash="${p.md5}"/></en-note>`
  return `<note><title>Bench note ${n}</title><created>20240101T000000Z</created><updated>20240102T000000Z</updated><tag>bench</tag><content><![CDATA[${body}]]></content><resource><data encoding="base64">${p.base64}</data><mime>image/png</mime><resource-attributes><file-name>p${n % 16}.png</file-name></resource-attributes></resource></note>\n`
}

/** A text note like most of an Evernote account: formatted paragraphs, a list, a to-do; every tenth has its own small picture. */
function textNote(n: number): string {
  const para = (i: number) =>
    `<div>${i}번째 문단: 견적서를 금요일까지 보내고 <b>Kim</b>에게 후속 연락 &amp; follow up on the quote for project ${n}, then file the <i>signed copy</i> with the team.</div>`
  let picture = ''
  let media = ''
  if (n % 10 === 0) {
    const bytes = Buffer.alloc(6 * 1024)
    for (let j = 0; j < bytes.length; j += 4) bytes.writeUInt32LE((j * 2246822519 + n * 131) >>> 0, j)
    const md5 = createHash('md5').update(bytes).digest('hex')
    media = `<en-media type="image/png" hash="${md5}"/>`
    picture = `<resource><data encoding="base64">${bytes.toString('base64').replace(/.{76}/g, '$&\n')}</data><mime>image/png</mime><resource-attributes><file-name>scan-${n}.png</file-name></resource-attributes></resource>`
  }
  const body = `<en-note><h2>회의록 ${n}</h2>${[1, 2, 3, 4, 5, 6].map(para).join('')}<ul><li>call back</li><li>send the draft</li></ul><div><en-todo checked="${n % 2 === 0}"/>check in ${n}</div>${media}</en-note>`
  return `<note><title>Meeting notes ${n}</title><created>20240101T000000Z</created><updated>20240102T000000Z</updated><tag>bench</tag><tag>t${n % 50}</tag><content><![CDATA[${body}]]></content>${picture}</note>\n`
}

/** Writes picture notes up to `target.bytes`, or exactly `target.notes` text notes; returns how many. */
async function generate(path: string, target: EnexBenchTarget): Promise<number> {
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE en-export SYSTEM "http://xml.evernote.com/pub/evernote-export4.dtd">\n<en-export>\n')
  let notes = 0
  if ('notes' in target) for (; notes < target.notes; notes++) await write(textNote(notes))
  else {
    for (let written = 0; written < target.gb * 1024 ** 3; notes++) {
      const note = pictureNote(notes)
      await write(note)
      written += note.length
    }
  }
  await write('</en-export>\n')
  out.end()
  await once(out, 'finish')
  return notes
}

/** About this many gigabytes of picture notes, or this many text notes. */
export type EnexBenchTarget = { gb: number } | { notes: number }

/**
 * Generates an ENEX in a temp folder and imports it into a fresh library, sampling the process's
 * resident memory. The point: memory stays flat however big the file.
 */
export async function runEnexBench(
  target: EnexBenchTarget,
  log: (line: string) => void = () => undefined,
): Promise<EnexBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tickler-enex-bench-'))
  try {
    const file = join(dir, 'bench.enex')
    const t0 = performance.now()
    log('notes' in target ? `Generating ${target.notes} text notes of ENEX…` : `Generating ${target.gb} GB of ENEX…`)
    const notes = await generate(file, target)
    const generateS = (performance.now() - t0) / 1000
    const { size } = await stat(file)
    const library = await openLibrary(join(dir, 'library'), { holder: 'bench' })
    const store = new AttachmentStore(library.dataDir)
    let peak = process.memoryUsage().rss
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
    log(`Importing ${notes} notes (${Math.round(size / 1024 ** 2)} MB)…`)
    const t1 = performance.now()
    const summary = await runImport(
      { library, store: (b, n, m, w, batch) => store.add(b, n, m, w, batch), tempRoot: dir },
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
      mbPerS: Math.round((size / 1024 ** 2 / importS) * 10) / 10,
      notesPerS: Math.round(summary.imported / importS),
      peakRssMB: Math.round(peak / 1024 ** 2),
      heapAfterMB,
      status: `${summary.status}, ${summary.skipped.length} skipped, ${summary.warnings.length} warnings`,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
