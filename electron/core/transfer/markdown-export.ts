import { attachmentOf, isInlineImage, type AttachmentRef } from '../../shared/domain/attachment'
import type { DocNodeT, Note, NoteDoc } from '../../shared/model'
import { noteLinkOf, noteLinkText, type NoteLinkAttrs } from '../../shared/note-link'
import { frontMatter } from './front-matter'
import { isSafeLink, strAttr } from './links'

export interface MarkdownOptions {
  /** Where an attachment is, relative to the .md file (e.g. `attachments/<hash>.png`). */
  attachmentHref: (ref: AttachmentRef) => string
  /** Where a linked note's exported file is, relative to this one; null when it is not in the export. */
  noteHref?: (id: string) => string | null
  /** A linked note's title now, where the exporter knows it; the link's stored title is the fallback. */
  noteTitle?: (id: string) => string | undefined
}

type Mark = NonNullable<DocNodeT['marks']>[number]

/** Characters that would start Markdown syntax inside running text. */
const escapeText = (text: string): string =>
  text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/(^|\n)([#>+-]|\d+[.)])(?=\s)/g, '$1\\$2')

const escapeUrl = (url: string): string => url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))
const escapeAlt = (alt: string): string => alt.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\n/g, ' ')

const MARK_ORDER = ['link', 'bold', 'italic', 'strike', 'code']
const DELIMS: Record<string, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  strike: ['~~', '~~'],
}

function openMark(mark: Mark): string {
  if (mark.type === 'link') return '['
  return DELIMS[mark.type]?.[0] ?? ''
}

function closeMark(mark: Mark): string {
  if (mark.type === 'link') return `](${escapeUrl(strAttr(mark.attrs, 'href'))})`
  return DELIMS[mark.type]?.[1] ?? ''
}

/** Marks Markdown can carry; highlight and underline have no Markdown form and are kept in HTML export only. */
function markdownMarks(node: DocNodeT): Mark[] {
  return (node.marks ?? [])
    .filter((m) =>
      m.type === 'link' ? isSafeLink(strAttr(m.attrs, 'href')) : m.type in DELIMS || m.type === 'code',
    )
    .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type))
}

const sameMark = (a: Mark, b: Mark) =>
  a.type === b.type && (a.type !== 'link' || a.attrs?.href === b.attrs?.href)

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length))
  const fence = '`'.repeat(longest + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** Inline content with marks opened and closed in a stable order, whitespace kept outside emphasis. */
function inline(nodes: DocNodeT[], options: MarkdownOptions): string {
  let out = ''
  const open: Mark[] = []
  const closeTo = (keep: number) => {
    while (open.length > keep) out += closeMark(open.pop()!)
  }
  for (const node of nodes) {
    if (node.type === 'hardBreak') {
      closeTo(0)
      out += '\\\n'
      continue
    }
    const link = noteLinkOf(node)
    if (link) {
      closeTo(0)
      out += noteLinkMarkdown(link, options)
      continue
    }
    const ref = attachmentOf(node)
    if (ref || node.type === 'image') {
      closeTo(0)
      out += ref ? attachmentMarkdown(ref, options) : imageMarkdown(node)
      continue
    }
    if (node.type !== 'text' || !node.text) continue
    const marks = markdownMarks(node)
    const code = marks.find((m) => m.type === 'code')
    const others = marks.filter((m) => m.type !== 'code')
    // Emphasis cannot start or end with a space in Markdown, so surrounding spaces go outside it.
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.text) ?? []
    let common = 0
    while (common < open.length && common < others.length && sameMark(open[common]!, others[common]!))
      common++
    closeTo(common)
    if (!core) {
      out += lead + trail
      continue
    }
    out += lead
    for (const mark of others.slice(common)) {
      out += openMark(mark)
      open.push(mark)
    }
    out += code ? codeSpan(core) : escapeText(core)
    if (trail) {
      closeTo(0)
      out += trail
    }
  }
  closeTo(0)
  return out
}

function attachmentMarkdown(ref: AttachmentRef, options: MarkdownOptions): string {
  const href = escapeUrl(options.attachmentHref(ref))
  return isInlineImage(ref.mime) ? `![${escapeAlt(ref.name)}](${href})` : `[${escapeAlt(ref.name)}](${href})`
}

/** A relative link to the target's .md file, which Markdown import turns back into a note link; words only when the target is not exported. */
function noteLinkMarkdown(link: NoteLinkAttrs, options: MarkdownOptions): string {
  const words = escapeText(noteLinkText(link, options.noteTitle?.(link.id)))
  const href = options.noteHref?.(link.id)
  return href ? `[${words}](${escapeUrl(href)})` : words
}

function imageMarkdown(node: DocNodeT): string {
  const src = strAttr(node.attrs, 'src')
  if (!/^https?:\/\//i.test(src)) return ''
  const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : ''
  const title =
    typeof node.attrs?.title === 'string' && node.attrs.title
      ? ` "${node.attrs.title.replace(/"/g, '\\"')}"`
      : ''
  return `![${escapeAlt(alt)}](${escapeUrl(src)}${title})`
}

const indent = (text: string, prefix: string, first: string): string =>
  text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line ? prefix + line : line))
    .join('\n')

function listItems(node: DocNodeT, options: MarkdownOptions, bullet = '-'): string {
  const start = Number(node.attrs?.start ?? 1) || 1
  return (node.content ?? [])
    .map((item, i) => {
      const marker =
        node.type === 'orderedList'
          ? `${start + i}. `
          : node.type === 'taskList'
            ? `${bullet} [${item.attrs?.checked ? 'x' : ' '}] `
            : `${bullet} `
      const body = blocks(item.content ?? [], options, '\n')
      // Continuation lines line up under the item's text; task items nest under the "- " like GFM expects.
      const pad = ' '.repeat(node.type === 'taskList' ? 2 : marker.length)
      return indent(body, pad, marker)
    })
    .join('\n')
}

function tableMarkdown(node: DocNodeT, options: MarkdownOptions): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) =>
      (cell.content ?? [])
        .map((p) => inline(p.content ?? [], options))
        .join(' ')
        .replace(/\\\n/g, ' ')
        .replace(/\n/g, ' '),
    ),
  )
  if (rows.length === 0) return ''
  const width = Math.max(...rows.map((r) => r.length))
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`
  const [head = [], ...body] = rows
  return [
    line(head),
    `| ${Array.from({ length: width }, () => '---').join(' | ')} |`,
    ...body.map(line),
  ].join('\n')
}

function block(node: DocNodeT, options: MarkdownOptions, previous?: DocNodeT): string {
  switch (node.type) {
    case 'paragraph':
      return inline(node.content ?? [], options)
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))))} ${inline(node.content ?? [], options)}`
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      // Two lists in a row only stay two lists in Markdown when their markers differ.
      return listItems(node, options, previous && /^(bullet|task)List$/.test(previous.type) ? '*' : '-')
    case 'blockquote':
      return blocks(node.content ?? [], options)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n')
    case 'codeBlock': {
      const text = (node.content ?? []).map((n) => n.text ?? '').join('')
      const longest = Math.max(2, ...(text.match(/^`{3,}/gm) ?? []).map((r) => r.length))
      const fence = '`'.repeat(longest + 1)
      const language = typeof node.attrs?.language === 'string' ? node.attrs.language : ''
      return `${fence}${language}\n${text}\n${fence}`
    }
    case 'horizontalRule':
      return '---'
    case 'table':
      return tableMarkdown(node, options)
    case 'image':
      return imageMarkdown(node)
    default:
      // Unknown blocks keep their text rather than vanishing from the export.
      return node.content ? blocks(node.content, options) : inline([node], options)
  }
}

function blocks(nodes: DocNodeT[], options: MarkdownOptions, tightBefore = '\n\n'): string {
  let out = ''
  nodes.forEach((node, i) => {
    const text = block(node, options, nodes[i - 1])
    if (i > 0) {
      // A list nested right under a list item's paragraph stays tight, as people write it.
      const nested = tightBefore === '\n' && /List$/.test(node.type)
      out += nested ? '\n' : '\n\n'
    }
    out += text
  })
  return out
}

/** A TipTap document → Markdown (CommonMark + GFM tables, task lists and strikethrough). */
export function docToMarkdown(doc: NoteDoc, options: MarkdownOptions, title?: string): string {
  const body = blocks(doc.content ?? [], options)
  const head = title?.trim() ? `# ${escapeText(title.trim())}\n\n` : ''
  return `${head}${body}`.trimEnd() + '\n'
}

/** One note's file: front matter (notebook, tags, dates, follow-up), then its title and body. */
export function noteToMarkdown(note: Note, notebook: string, options: MarkdownOptions): string {
  return frontMatter(note, notebook) + docToMarkdown(note.doc, options, note.title)
}
