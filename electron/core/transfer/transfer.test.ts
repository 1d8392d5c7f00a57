import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { docToText } from '../../shared/doc-text'
import { attachmentNode } from '../../shared/domain/attachment'
import { dispatch, type Handlers } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import { openLibrary } from '../library'
import { useTempDirs } from '../test-support/temp-dir'
import { buildExport, writeExportFolder } from './export'
import { createTransferHandlers } from './handlers'
import { escapeHtml, noteToHtml } from './html-export'
import { importFiles } from './import'
import { writeZip } from './zip'
import { listZip } from './zip-read'

const tempDir = useTempDirs()
const png = Buffer.from('89504e470d0a1a0a', 'hex')

async function libraryWithNotebook() {
  const dir = tempDir()
  const lib = await openLibrary(dir)
  const store = new AttachmentStore(dir)
  const notebook = await lib.createNotebook('회의록 / Meetings')
  const pic = await store.add(png, 'chart.png', 'image/png')
  const pdf = await store.add(Buffer.from('%PDF'), 'report.pdf', 'application/pdf')
  await lib.createNote({
    notebookId: notebook.id,
    title: '주간 회의',
    doc: {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '후속조치를 잊지 마세요.' }] },
        {
          type: 'paragraph',
          content: [attachmentNode(pic), { type: 'text', text: ' and ' }, attachmentNode(pdf)],
        },
      ],
    },
  })
  await lib.createNote({
    notebookId: notebook.id,
    title: '주간 회의',
    doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'same title' }] }] },
  })
  return { dir, lib, store, notebook, pic }
}

describe('export and import', () => {
  it('exports a notebook to Markdown with attachments beside it and re-imports it with the same text', async () => {
    const { lib, store, notebook, pic } = await libraryWithNotebook()
    const { folder, files } = await buildExport(lib, store, { notebookId: notebook.id }, 'markdown')
    expect(folder).toBe('회의록 Meetings')
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        `${folder}/attachments/${pic.file}`,
        expect.stringMatching(/attachments\/[0-9a-f]{64}\.pdf$/),
        `${folder}/주간 회의 (2).md`,
        `${folder}/주간 회의.md`,
      ].sort(),
    )
    const md = files.find((f) => Buffer.from(f.data).toString().includes('후속조치'))!
    expect(Buffer.from(md.data).toString()).toContain(`![chart.png](attachments/${pic.file})`)

    // Through a zip, as the preview downloads it, into another notebook.
    const target = await lib.createNotebook('Imported')
    const result = await importFiles(
      lib,
      store,
      [{ path: `${folder}.zip`, data: writeZip(files) }],
      target.id,
    )
    expect(result.imported.map((n) => n.title).sort()).toEqual(['주간 회의', '주간 회의'])
    expect(result.attachments).toBe(2)
    expect(result.skipped).toEqual([])
    const originals = lib.listNotes({ notebookId: notebook.id })
    const copies = lib.listNotes({ notebookId: target.id })
    const texts = async (ids: string[]) =>
      (await Promise.all(ids.map((id) => lib.getNote(id)))).map((n) => docToText(n.doc)).sort()
    expect(await texts(copies.map((n) => n.id))).toEqual(await texts(originals.map((n) => n.id)))
    const copy = await lib.getNote(
      result.imported.find(
        (n) => n.title === '주간 회의' && copies.some((c) => c.id === n.id && c.snippet.startsWith('후속')),
      )!.id,
    )
    expect(JSON.stringify(copy.doc)).toContain(pic.file)
    await lib.close()
  })

  it('writes into a chosen folder without overwriting an earlier export', async () => {
    const { lib, store, notebook } = await libraryWithNotebook()
    const out = tempDir()
    const { folder, files } = await buildExport(lib, store, { notebookId: notebook.id }, 'html')
    const first = await writeExportFolder(out, folder, files)
    const second = await writeExportFolder(out, folder, files)
    expect(second).toBe(`${first} (2)`)
    expect(readdirSync(out).sort()).toEqual([folder, `${folder} (2)`])
    const pages = readdirSync(first).filter((f) => f.endsWith('.html'))
    expect(pages.sort()).toEqual(['주간 회의 (2).html', '주간 회의.html'])
    const html = pages.map((p) => readFileSync(join(first, p), 'utf8')).find((h) => h.includes('후속조치'))!
    expect(html).toContain('<img src="attachments/')
    expect(existsSync(join(first, 'attachments'))).toBe(true)
    await lib.close()
  })

  it('skips files it cannot use and says why, importing the rest', async () => {
    const { lib, store } = await libraryWithNotebook()
    const result = await importFiles(lib, store, [
      { path: 'notes/a.md', data: Buffer.from('# A\n\n![pic](img/p.png) ![gone](img/missing.png)') },
      { path: 'notes/img/p.png', data: png },
      { path: '../escape.md', data: Buffer.from('# nope') },
      { path: 'notes/readme.txt', data: Buffer.from('hello') },
      { path: 'notes/.DS_Store', data: Buffer.from('x') },
      { path: 'broken.zip', data: Buffer.from('not a zip') },
    ])
    expect(result.imported.map((n) => n.title)).toEqual(['A'])
    expect(result.attachments).toBe(1)
    expect(result.skipped.map((s) => s.path).sort()).toEqual([
      '../escape.md',
      'broken.zip',
      'notes/readme.txt',
    ])
    const note = await lib.getNote(result.imported[0]!.id)
    expect(docToText(note.doc)).toContain('gone') // a missing picture keeps its words
    await lib.close()
  })

  it('refuses an import with no Markdown and writes nothing', async () => {
    const { lib, store } = await libraryWithNotebook()
    const before = lib.listNotes().length
    await expect(importFiles(lib, store, [{ path: 'x.txt', data: Buffer.from('x') }])).rejects.toThrow(
      /no Markdown file/,
    )
    expect(lib.listNotes()).toHaveLength(before)
    await lib.close()
  })

  it('returns a zip through the contract where the host has no folder dialog', async () => {
    const { lib, notebook } = await libraryWithNotebook()
    const handlers = createTransferHandlers(lib, {}) as unknown as Handlers
    const result = await dispatch(handlers, 'transfer.export', {
      format: 'markdown',
      notebookId: notebook.id,
    })
    expect(result).toMatchObject({
      ok: true,
      value: { outcome: 'download', fileName: '회의록 Meetings.zip', count: 4 },
    })
    const data = (result as { value: { data: string } }).value.data
    expect(listZip('export.zip', Buffer.from(data, 'base64')).map((e) => e.path)).toHaveLength(4)
    const bad = await dispatch(handlers, 'transfer.export', { format: 'markdown' })
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/either noteId or notebookId/) },
    })
    await lib.close()
  })
})

describe('HTML export', () => {
  it('escapes text, attributes and titles, and drops links and images it would not allow', () => {
    const html = noteToHtml(
      '<script>alert(1)</script>',
      {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '<img src=x onerror=alert(1)> & "q"' }] },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'bad',
                marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
              },
            ],
          },
          {
            type: 'paragraph',
            content: [
              {
                type: 'text',
                text: 'ok',
                marks: [{ type: 'link', attrs: { href: 'https://e.com/?a=1&b="2"' } }],
              },
            ],
          },
          { type: 'image', attrs: { src: 'javascript:alert(1)', alt: 'x' } },
          {
            type: 'codeBlock',
            attrs: { language: 'js"><script>' },
            content: [{ type: 'text', text: '</code><script>' }],
          },
        ],
      },
      { attachmentHref: (r) => r.file },
    )
    expect(html).not.toMatch(/<script>/)
    expect(html).not.toContain('javascript:')
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;')
    expect(html).toContain('<p>bad</p>')
    expect(html).toContain('href="https://e.com/?a=1&amp;b=&quot;2&quot;"')
    expect(html).toContain('<pre><code>&lt;/code&gt;&lt;script&gt;</code></pre>')
    expect(html).toContain("default-src 'none'")
  })

  it('escapes all five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
