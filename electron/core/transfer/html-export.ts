import { attachmentOf, formatBytes, isInlineImage } from '../../shared/domain/attachment'
import type { DocNodeT, NoteDoc } from '../../shared/model'
import { noteLinkOf, noteLinkText } from '../../shared/note-link'
import type { MarkdownOptions } from './markdown-export'
import { isSafeLink, isWebUrl, strAttr } from './links'

/** Escapes text for element content and double-quoted attributes alike. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

const MARK_TAGS: Record<string, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  highlight: 'mark',
  code: 'code',
}

function text(node: DocNodeT): string {
  let html = escapeHtml(node.text ?? '')
  for (const mark of [...(node.marks ?? [])].reverse()) {
    if (mark.type === 'link') {
      const href = strAttr(mark.attrs, 'href')
      // A link the editor would refuse is exported as its words only.
      if (isSafeLink(href)) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`
    } else if (MARK_TAGS[mark.type]) html = `<${MARK_TAGS[mark.type]}>${html}</${MARK_TAGS[mark.type]}>`
  }
  return html
}

const children = (node: DocNodeT, options: MarkdownOptions) =>
  (node.content ?? []).map((n) => render(n, options)).join('')

function render(node: DocNodeT, options: MarkdownOptions): string {
  const link = noteLinkOf(node)
  if (link) {
    const words = escapeHtml(noteLinkText(link, options.noteTitle?.(link.id)))
    const href = options.noteHref?.(link.id)
    return href ? `<a class="note" href="${escapeHtml(encodeURI(href))}">${words}</a>` : words
  }
  const ref = attachmentOf(node)
  if (ref) {
    const href = escapeHtml(options.attachmentHref(ref))
    return isInlineImage(ref.mime)
      ? `<img src="${href}" alt="${escapeHtml(ref.name)}">`
      : `<a class="file" href="${href}">${escapeHtml(ref.name)} <small>(${escapeHtml(formatBytes(ref.size))})</small></a>`
  }
  switch (node.type) {
    case 'text':
      return text(node)
    case 'hardBreak':
      return '<br>'
    case 'paragraph':
      return `<p>${children(node, options)}</p>`
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)))
      return `<h${level}>${children(node, options)}</h${level}>`
    }
    case 'bulletList':
      return `<ul>${children(node, options)}</ul>`
    case 'orderedList': {
      const start = Number(node.attrs?.start ?? 1) || 1
      return `<ol${start !== 1 ? ` start="${start}"` : ''}>${children(node, options)}</ol>`
    }
    case 'listItem':
      return `<li>${children(node, options)}</li>`
    case 'taskList':
      return `<ul class="tasks">${children(node, options)}</ul>`
    case 'taskItem':
      return `<li><input type="checkbox" disabled${node.attrs?.checked ? ' checked' : ''}> ${children(node, options)}</li>`
    case 'blockquote':
      return `<blockquote>${children(node, options)}</blockquote>`
    case 'codeBlock': {
      const language = typeof node.attrs?.language === 'string' ? node.attrs.language : ''
      const cls = /^[\w+#.-]{1,32}$/.test(language) ? ` class="language-${language}"` : ''
      return `<pre><code${cls}>${escapeHtml((node.content ?? []).map((n) => n.text ?? '').join(''))}</code></pre>`
    }
    case 'horizontalRule':
      return '<hr>'
    case 'table':
      return `<table>${children(node, options)}</table>`
    case 'tableRow':
      return `<tr>${children(node, options)}</tr>`
    case 'tableHeader':
      return `<th>${children(node, options)}</th>`
    case 'tableCell':
      return `<td>${children(node, options)}</td>`
    case 'image': {
      const src = strAttr(node.attrs, 'src')
      const alt = typeof node.attrs?.alt === 'string' ? node.attrs.alt : ''
      return isWebUrl(src) ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}">` : ''
    }
    default:
      return children(node, options)
  }
}

const STYLE = `body{font:16px/1.6 system-ui,-apple-system,"Segoe UI","Apple SD Gothic Neo","Malgun Gothic",sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
img{max-width:100%}pre{background:#f6f8fa;padding:.75rem;overflow:auto}code{font-family:ui-monospace,monospace}
blockquote{border-left:3px solid #d0d7de;margin-left:0;padding-left:1rem;color:#57606a}table{border-collapse:collapse}
th,td{border:1px solid #d0d7de;padding:.3rem .6rem}ul.tasks{list-style:none;padding-left:1.2rem}a.file{font-weight:600}`

/**
 * One self-contained page per note. Every piece of text and every attribute is escaped, and the page's own
 * CSP forbids script, so a note holding "<script>" exports as words on a page, never as code.
 */
export function noteToHtml(
  title: string,
  doc: NoteDoc,
  options: MarkdownOptions & { lang?: string },
): string {
  const heading = title.trim() || 'Untitled'
  return `<!doctype html>
<html lang="${escapeHtml(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' https: http: data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(heading)}</h1>
${(doc.content ?? []).map((n) => render(n, options)).join('\n')}
</body>
</html>
`
}
