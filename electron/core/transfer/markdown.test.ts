import { describe, expect, it } from 'vitest'
import type { AttachmentRef } from '../../shared/domain/attachment'
import { docToText } from '../../shared/doc-text'
import type { DocNodeT } from '../../shared/model'
import { docToMarkdown } from './markdown-export'
import { markdownToDoc } from './markdown-import'

const png: AttachmentRef = { file: `${'a'.repeat(64)}.png`, name: 'chart.png', size: 10, mime: 'image/png' }
const pdf: AttachmentRef = {
  file: `${'b'.repeat(64)}.pdf`,
  name: 'report.pdf',
  size: 20,
  mime: 'application/pdf',
}
const assets: Record<string, AttachmentRef> = { 'attachments/chart.png': png, 'files/report.pdf': pdf }
const options = { attachmentHref: (ref: AttachmentRef) => `attachments/${ref.file}` }
const localBack = (href: string) =>
  href === `attachments/${png.file}` ? png : href === `attachments/${pdf.file}` ? pdf : undefined

const SAMPLE = `# 주간 회의

## Agenda

Plain **bold**, *italic*, ~~gone~~, \`code\` and a [link](https://example.com/a?b=1).\\
Second line of the paragraph.

- one
- two
  - nested under two
    - deeper
- three

1. first
2. second

- [ ] 견적서 보내기
- [x] 회의실 예약

> A quote
>
> with two paragraphs

\`\`\`ts
const x: number = 1
\`\`\`

| Name | 상태 |
| --- | --- |
| Kim | 완료 |
| Lee | *대기* |

![chart.png](attachments/${png.file})

[report.pdf](attachments/${pdf.file})

---

후속조치를 잊지 마세요.
`

describe('Markdown round trips', () => {
  it('keeps a canonical document exactly: Markdown → Tickler → Markdown', () => {
    const { title, doc } = markdownToDoc(SAMPLE, localBack)
    expect(title).toBe('주간 회의')
    expect(docToMarkdown(doc, options, title)).toBe(SAMPLE)
  })

  it('maps each construct to the editor schema', () => {
    const { doc } = markdownToDoc(SAMPLE, localBack)
    const types = (doc.content ?? []).map((n) => n.type)
    expect(types).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'orderedList',
      'taskList',
      'blockquote',
      'codeBlock',
      'table',
      'paragraph',
      'paragraph',
      'horizontalRule',
      'paragraph',
    ])
    const find = (type: string): DocNodeT => (doc.content ?? []).find((n) => n.type === type)!
    expect(find('codeBlock')).toEqual({
      type: 'codeBlock',
      attrs: { language: 'ts' },
      content: [{ type: 'text', text: 'const x: number = 1' }],
    })
    expect(
      find('taskList').content?.map((i) => [i.attrs?.checked, i.content?.[0]?.content?.[0]?.text]),
    ).toEqual([
      [false, '견적서 보내기'],
      [true, '회의실 예약'],
    ])
    const nested = find('bulletList').content?.[1]?.content?.[1]
    expect(nested?.type).toBe('bulletList')
    expect(find('table').content?.[0]?.content?.[0]?.type).toBe('tableHeader')
    const para = doc.content?.[1]
    expect(para?.content?.find((n) => n.marks?.[0]?.type === 'link')).toMatchObject({
      text: 'link',
      marks: [{ type: 'link', attrs: { href: 'https://example.com/a?b=1' } }],
    })
    expect(doc.content?.[8]?.content?.[0]).toEqual({ type: 'attachment', attrs: { ...png } })
    expect(doc.content?.[9]?.content?.[0]).toEqual({ type: 'attachment', attrs: { ...pdf } })
  })

  it('keeps the text through Markdown → Tickler → Markdown → Tickler for looser input', () => {
    const loose = `Intro line
continues here with snake_case and 3 * 4 and a # sign

* star bullet
+ plus bullet

#### Deep heading

    indented code

Text with <b>raw html</b> and [a note link](other.md) and [bad](javascript:alert(1)).`
    const once = markdownToDoc(loose)
    const twice = markdownToDoc(docToMarkdown(once.doc, options))
    expect(twice.doc).toEqual(once.doc)
    expect(docToText(twice.doc)).toContain('snake_case and 3 * 4 and a # sign')
    expect(docToText(twice.doc)).toContain('<b>raw html</b>')
    // markdown-it refuses the link and the words stay as plain text: nothing clickable carries javascript:.
    expect(JSON.stringify(once.doc)).not.toMatch(/"href":"javascript/)
    expect(docToText(once.doc)).toContain('bad')
  })

  it('resolves relative images and links to stored attachments and web images to image nodes', () => {
    const md = `![the chart](attachments/chart.png) text ![web](https://example.com/x.png)\n\n[the report](files/report.pdf)`
    const { doc } = markdownToDoc(md, (href) => assets[href])
    expect(doc.content?.[0]?.content?.[0]).toEqual({
      type: 'attachment',
      attrs: { ...png, name: 'the chart' },
    })
    expect(doc.content?.[1]).toEqual({
      type: 'image',
      attrs: { src: 'https://example.com/x.png', alt: 'web', title: null },
    })
    expect(doc.content?.[2]?.content?.[0]).toEqual({
      type: 'attachment',
      attrs: { ...pdf, name: 'the report' },
    })
  })

  it('escapes text that would otherwise turn into Markdown syntax', () => {
    const doc = {
      type: 'doc' as const,
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '# not a heading *not bold* [x](y) `z`' }] },
      ],
    }
    const md = docToMarkdown(doc, options)
    expect(markdownToDoc(md).doc).toEqual(doc)
  })

  it('puts spaces outside emphasis and code spans around backticks', () => {
    const doc = {
      type: 'doc' as const,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'a ' },
            { type: 'text', text: 'bold ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'x`y', marks: [{ type: 'code' }] },
          ],
        },
      ],
    }
    expect(docToMarkdown(doc, options)).toBe('a **bold** ``x`y``\n')
  })

  it('imports an empty file as an empty note instead of failing', () => {
    expect(markdownToDoc('')).toEqual({
      title: undefined,
      doc: { type: 'doc', content: [{ type: 'paragraph' }] },
      cut: false,
    })
  })
})
