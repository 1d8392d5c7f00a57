import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../../test-support/temp-dir'
import { OWN_FIXTURES, importer } from '../test-support'
import { readEnex } from './enex-reader'
import { StrayAmpersands } from './stray-ampersands'
import type { EnexNote } from './enex-types'

const tempDir = useTempDirs()
const note = (title: string, body: string) =>
  `<note><title>${title}</title><content><![CDATA[<en-note><div>${body}</div></en-note>]]></content></note>`
const enex = (doctype: string, notes: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n<en-export>${notes}</en-export>\n`

const BILLION_LAUGHS = `<!DOCTYPE en-export [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>`

async function write(dir: string, name: string, text: string) {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('hostile and broken ENEX files', () => {
  it('a billion-laughs file is refused with a sentence, nothing imported, nothing expanded', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const path = await write(dir, 'lol.enex', enex(BILLION_LAUGHS, note('bomb', '&lol9;')))
    const s = await importFile(path)
    expect(s.status).toBe('failed')
    expect(s.fault?.message).toMatch(/declares its own XML entities.*billion laughs/)
    expect(s.fault?.line).toBe(7) // where the DOCTYPE ends
    expect(library.listNotes()).toHaveLength(0)
    await library.close()
  })

  it('an external entity is never fetched or read: refused, and without a DOCTYPE left as literal text', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const secret = await write(dir, 'secret.txt', 'TOP-SECRET')
    const xxe = `<!DOCTYPE en-export [<!ENTITY xxe SYSTEM "file://${secret}">]>`
    const refused = await importFile(
      await write(dir, 'xxe.enex', enex(xxe, note('x', 'before')).replace('</title>', '&xxe;</title>')),
    )
    expect(refused.status).toBe('failed')
    expect(refused.fault?.message).toMatch(/declares its own XML entities/)
    // The same reference with no declaration: saxes reports it undefined and keeps the text as it was.
    const inEnml = note('ok', 'hi').replace(
      '<en-note>',
      `<!DOCTYPE en-note [<!ENTITY xxe SYSTEM "file://${secret}">]><en-note>&xxe;`,
    )
    const s = await importFile(await write(dir, 'plain.enex', enex('', note('t &xxe;', 'a') + inEnml)))
    expect(s.imported).toBe(2)
    const texts = (await Promise.all(s.noteIds.map((id) => library.getNote(id)))).map(
      (n) => `${n.title} ${n.text}`,
    )
    expect(texts.join(' ')).not.toContain('TOP-SECRET')
    expect(s.warnings.some((w) => /not well-formed.*declares its own XML entities/.test(w.message))).toBe(
      true,
    )
    await library.close()
  })

  it('a truncated file keeps the notes before the break (or rolls them back) and names the place', async () => {
    const dir = tempDir()
    const full = readFileSync(join(OWN_FIXTURES, 'full.enex'), 'utf8')
    const cut = full.slice(0, full.indexOf('Call the landlord'))
    const { library, importFile } = await importer(dir)
    const kept = await importFile(await write(dir, 'cut.enex', cut))
    expect(kept.status).toBe('failed')
    expect(kept.imported).toBe(1)
    expect(kept.fault).toMatchObject({ line: expect.any(Number), column: expect.any(Number) })
    expect(kept.fault!.message).toMatch(/unclosed|unexpected end/)
    expect(library.listNotes().map((n) => n.title)).toEqual(['회의록 — 분기 계획'])

    const rolled = await importFile(await write(dir, 'cut2.enex', cut), { onFault: 'rollback' })
    expect(rolled).toMatchObject({ status: 'failed', imported: 0, rolledBack: 1 })
    expect(library.listNotes()).toHaveLength(1)
    expect(library.listNotebooks().some((nb) => nb.name === 'cut2')).toBe(false)
    await library.close()
  })

  it('cancelling stops the import; the temp files go away', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const abort = new AbortController()
    abort.abort()
    const s = await importFile(join(OWN_FIXTURES, 'full.enex'), {}, 'full.enex', abort.signal)
    expect(s.status).toBe('cancelled')
    expect(s.imported).toBe(0)
    expect(readdirSync(dir).filter((f) => f.startsWith('import-'))).toEqual([])
    await library.close()
  })

  it('a resource over the size limit is cut off while streaming and not stored', async () => {
    const dir = tempDir()
    const big = Buffer.alloc(300_000, 7).toString('base64')
    const text = enex(
      '',
      note('big', 'x').replace(
        '</note>',
        `<resource><data>${big}</data><mime>image/png</mime></resource></note>`,
      ),
    )
    const notes: EnexNote[] = []
    await readEnex(
      await write(dir, 'big.enex', text),
      { tempDir: dir, maxAttachmentBytes: 100_000, maxContentChars: 1e6 },
      async (n) => void notes.push(n),
    )
    expect(notes[0]!.resources[0]).toMatchObject({ tooLarge: true, mime: 'image/png' })
  })

  it('a bare "&" split across chunks is escaped once; references are left alone', () => {
    const f = new StrayAmpersands()
    const out = f.push('a & b &am') + f.push('p; c &#x41; d &') + f.push('nbsp; e &') + f.end()
    expect(out).toBe('a &amp; b &amp; c &#x41; d &nbsp; e &amp;')
    expect(f.count).toBe(2)
  })
})

describe('ENEX dates outside the years a note can carry', () => {
  it('are refused with a warning: the note keeps another date and no follow-up from them', async () => {
    const dir = tempDir()
    const { library, importFile } = await importer(dir)
    const old = note('Old', 'text')
      .replace('</title>', '</title><created>18500101T000000Z</created><updated>20200102T030405Z</updated>')
      .replace('</note>', '<note-attributes><reminder-time>18991231T120000Z</reminder-time></note-attributes></note>')
    const s = await importFile(await write(dir, 'old.enex', enex('', old)))
    expect(s).toMatchObject({ status: 'done', imported: 1 })
    const imported = await library.getNote(s.noteIds[0]!)
    expect(imported.createdAt).toBe('2020-01-02T03:04:05.000Z')
    expect(imported.followUp).toBeNull()
    expect(s.warnings.map((w) => w.message)).toEqual([
      'the created date "18500101T000000Z" is outside the years 1900–9999; another was used',
      'the reminder time "18991231T120000Z" is outside the years 1900–9999; the note has no follow-up from it',
    ])
    await library.close()
  })
})
