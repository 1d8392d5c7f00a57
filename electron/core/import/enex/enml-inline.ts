import type { DocNodeT } from '../../../shared/model'
import { evernoteNoteGuid } from './enex-links'
import type { El } from './enml-tree'

export type Mark = { type: string; attrs?: Record<string, unknown> }

/** Links keep only schemes the editor itself allows; anything else (javascript:, evernote:, file:) stays text. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null
  try {
    const url = new URL(href.trim())
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null
  } catch {
    return null
  }
}

const TAG_MARKS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  s: 'strike',
  strike: 'strike',
  del: 'strike',
  code: 'code',
  tt: 'code',
}

/** The marks an inline element adds: its tag's own, its inline style's, and a link's href. */
export function marksOf(el: El): Mark[] {
  const out: Mark[] = []
  const byTag = TAG_MARKS[el.name]
  if (byTag) out.push({ type: byTag })
  const style = (el.attrs.style ?? '').toLowerCase()
  if (/font-weight\s*:\s*(bold|[6-9]00)/.test(style)) out.push({ type: 'bold' })
  if (/font-style\s*:\s*italic/.test(style)) out.push({ type: 'italic' })
  if (/text-decoration[^;]*underline/.test(style)) out.push({ type: 'underline' })
  if (/text-decoration[^;]*line-through/.test(style)) out.push({ type: 'strike' })
  if (/--en-highlight/.test(style)) out.push({ type: 'highlight' })
  if (el.name === 'a') {
    // A link to another Evernote note keeps its address until the import resolves it (enex-links.ts).
    const href = evernoteNoteGuid(el.attrs.href) ? el.attrs.href!.trim() : safeHref(el.attrs.href)
    if (href) out.push({ type: 'link', attrs: { href } })
  }
  return out
}

export function addMarks(marks: Mark[], more: Mark[]): Mark[] {
  const next = [...marks]
  for (const m of more) if (!next.some((n) => n.type === m.type)) next.push(m)
  return next
}

export function textNode(text: string, marks: Mark[]): DocNodeT {
  return marks.length ? { type: 'text', text, marks: marks.map((m) => ({ ...m })) } : { type: 'text', text }
}

/**
 * Tidies one paragraph's inline content: HTML whitespace collapsed (as a browser would show it), edges
 * trimmed, empty text nodes dropped (ProseMirror refuses them), a trailing <br> dropped (Evernote ends
 * lines with one).
 */
export function tidyInline(nodes: DocNodeT[]): DocNodeT[] {
  const out: DocNodeT[] = []
  for (const node of nodes) {
    if (node.type !== 'text') {
      out.push(node)
      continue
    }
    let text = (node.text ?? '').replace(/[ \t\r\n]+/g, ' ')
    const prev = out.at(-1)
    if (!prev || prev.type === 'hardBreak' || (prev.type === 'text' && prev.text?.endsWith(' ')))
      text = text.replace(/^ +/, '')
    if (text) out.push({ ...node, text })
  }
  while (out.at(-1)?.type === 'hardBreak') out.pop()
  const last = out.at(-1)
  if (last?.type === 'text') {
    const text = (last.text ?? '').replace(/ +$/, '')
    if (text) last.text = text
    else out.pop()
  }
  return out
}
