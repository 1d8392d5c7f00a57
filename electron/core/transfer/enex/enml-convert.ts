import type { DocNodeT } from '../../../shared/model'
import { docToText } from '../../../shared/doc-text'
import { textOf, type El } from './enml-tree'
import { addMarks, marksOf, textNode, tidyInline, type Mark } from './enml-inline'

export interface ConvertContext {
  /** The document node for an <en-media hash>, or null when the note has no such resource. */
  media(hash: string, mime: string): DocNodeT | null
  /** Evernote 10 tasks of one task group, as a taskList, or null. */
  taskGroup(groupId: string): DocNodeT | null
  warn(message: string): void
}

const SKIP = new Set([
  'script',
  'style',
  'head',
  'title',
  'object',
  'embed',
  'iframe',
  'form',
  'input',
  'button',
])
const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 3, h5: 3, h6: 3 }
const CONTAINERS = new Set([
  'div',
  'p',
  'section',
  'article',
  'center',
  'body',
  'en-note',
  '#root',
  'li',
  'dd',
  'dt',
  'dl',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
])

const para = (content: DocNodeT[]): DocNodeT =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' }
const styleOf = (el: El) => (el.attrs.style ?? '').toLowerCase().replace(/\s+/g, '')

/** Block content being built: inline nodes gather into a paragraph until a block element ends it. */
class Blocks {
  readonly out: DocNodeT[] = []
  private inline: DocNodeT[] = []
  /** Checked state of an <en-todo> that opened the current line, or null when the line is no task. */
  private todo: boolean | null = null

  constructor(private readonly ctx: ConvertContext) {}

  text(text: string, marks: Mark[]): void {
    if (!this.inline.length && !/\S|\u00a0/.test(text)) return
    this.inline.push(textNode(text, marks))
  }

  node(node: DocNodeT): void {
    this.inline.push(node)
  }

  startTodo(checked: boolean): void {
    this.flush()
    this.todo = checked
  }

  flush(): void {
    const had = this.inline.length > 0
    const content = tidyInline(this.inline)
    this.inline = []
    if (this.todo !== null) {
      this.out.push({ type: 'taskItem', attrs: { checked: this.todo }, content: [para(content)] })
      this.todo = null
    } else if (had) this.out.push(para(content))
  }

  block(node: DocNodeT): void {
    this.flush()
    this.out.push(node)
  }

  /** The finished blocks, with consecutive task items gathered into task lists. */
  done(): DocNodeT[] {
    this.flush()
    const grouped: DocNodeT[] = []
    for (const node of this.out) {
      const prev = grouped.at(-1)
      if (node.type !== 'taskItem') grouped.push(node)
      else if (prev?.type === 'taskList' && prev.attrs?.fromTodo) prev.content!.push(node)
      else grouped.push({ type: 'taskList', attrs: { fromTodo: true }, content: [node] })
    }
    for (const node of grouped) if (node.type === 'taskList') delete node.attrs
    return grouped
  }
}

export function convertBlocks(
  children: (El | string)[],
  ctx: ConvertContext,
  marks: Mark[] = [],
): DocNodeT[] {
  const blocks = new Blocks(ctx)
  walk(children, marks, blocks, ctx)
  return blocks.done()
}

function walk(children: (El | string)[], marks: Mark[], b: Blocks, ctx: ConvertContext): void {
  for (const child of children) {
    if (typeof child === 'string') b.text(child, marks)
    else element(child, marks, b, ctx)
  }
}

function element(el: El, marks: Mark[], b: Blocks, ctx: ConvertContext): void {
  const style = styleOf(el)
  if (SKIP.has(el.name)) return
  if (/-en-codeblock:true/.test(style) || el.name === 'pre') {
    const code = textOf(el).replace(/\n+$/, '')
    b.block(
      code
        ? { type: 'codeBlock', attrs: { language: null }, content: [{ type: 'text', text: code }] }
        : { type: 'codeBlock', attrs: { language: null } },
    )
    return
  }
  if (/--en-task-group:true/.test(style)) {
    const id = /--en-id:([^;]+)/.exec(style)?.[1] ?? ''
    const list = ctx.taskGroup(id)
    if (list) b.block(list)
    return
  }
  const level = HEADINGS[el.name]
  if (level) {
    const inline = tidyInline(inlineOf(el.children, marks, ctx))
    b.block(
      inline.length
        ? { type: 'heading', attrs: { level }, content: inline }
        : { type: 'heading', attrs: { level } },
    )
    return
  }
  switch (el.name) {
    case 'br':
      return b.node({ type: 'hardBreak' })
    case 'hr':
      return b.block({ type: 'horizontalRule' })
    case 'en-todo':
      return b.startTodo(el.attrs.checked === 'true')
    case 'en-media': {
      const node = ctx.media((el.attrs.hash ?? '').toLowerCase(), el.attrs.type ?? '')
      if (node) b.block(node)
      else ctx.warn(`a picture or file (hash ${el.attrs.hash ?? '?'}) is missing from the export`)
      return
    }
    case 'en-crypt':
      ctx.warn('encrypted text cannot be imported without Evernote; a placeholder was left')
      return b.block(para([{ type: 'text', text: '[Encrypted text from Evernote, not imported]' }]))
    case 'img': {
      const src = el.attrs.src ?? ''
      if (/^https?:\/\//i.test(src)) b.block({ type: 'image', attrs: { src, alt: el.attrs.alt ?? null } })
      return
    }
    case 'ul':
    case 'ol':
      return b.block(list(el, marks, ctx))
    case 'table':
      return b.block(table(el, marks, ctx))
    case 'blockquote': {
      const inner = convertBlocks(el.children, ctx, marks)
      return b.block({ type: 'blockquote', content: inner.length ? inner : [para([])] })
    }
  }
  if (CONTAINERS.has(el.name)) {
    b.flush()
    walk(el.children, marks, b, ctx)
    b.flush()
    return
  }
  walk(el.children, addMarks(marks, marksOf(el)), b, ctx)
}

/** Inline content of an element whose blocks must collapse into one line (a heading). */
function inlineOf(children: (El | string)[], marks: Mark[], ctx: ConvertContext): DocNodeT[] {
  const out: DocNodeT[] = []
  for (const block of convertBlocks(children, ctx, marks)) {
    if (out.length) out.push({ type: 'hardBreak' })
    if (block.type === 'paragraph') out.push(...(block.content ?? []))
    else out.push({ type: 'text', text: docToText({ type: 'doc', content: [block] }) })
  }
  return out.filter((n) => n.type !== 'text' || n.text)
}

function list(el: El, marks: Mark[], ctx: ConvertContext): DocNodeT {
  const todo = /--en-todo:true/.test(styleOf(el))
  const items: DocNodeT[] = []
  for (const child of el.children) {
    if (typeof child === 'string') continue
    if (child.name === 'ul' || child.name === 'ol') {
      // Evernote nests a list as a sibling of <li>, not inside it: it belongs to the item before.
      const nested = list(child, marks, ctx)
      const prev = items.at(-1)
      if (prev) prev.content!.push(nested)
      else
        items.push({
          type: todo ? 'taskItem' : 'listItem',
          ...(todo ? { attrs: { checked: false } } : {}),
          content: [para([]), nested],
        })
      continue
    }
    const content = convertBlocks(child.children, ctx, marks)
    if (content[0]?.type !== 'paragraph') content.unshift(para([]))
    if (todo)
      items.push({ type: 'taskItem', attrs: { checked: /--en-checked:true/.test(styleOf(child)) }, content })
    else items.push({ type: 'listItem', content })
  }
  if (!items.length)
    items.push(
      todo
        ? { type: 'taskItem', attrs: { checked: false }, content: [para([])] }
        : { type: 'listItem', content: [para([])] },
    )
  if (todo) return { type: 'taskList', content: items }
  return el.name === 'ol'
    ? { type: 'orderedList', attrs: { start: Number(el.attrs.start) || 1 }, content: items }
    : { type: 'bulletList', content: items }
}

function table(el: El, marks: Mark[], ctx: ConvertContext): DocNodeT {
  const rows: El[] = []
  const collect = (node: El) => {
    for (const c of node.children) {
      if (typeof c === 'string') continue
      if (c.name === 'tr') rows.push(c)
      else if (['thead', 'tbody', 'tfoot'].includes(c.name)) collect(c)
    }
  }
  collect(el)
  const tableRows = rows.map((row) => ({
    type: 'tableRow',
    content: row.children
      .filter((c): c is El => typeof c !== 'string' && (c.name === 'td' || c.name === 'th'))
      .map((cell) => {
        const content = convertBlocks(cell.children, ctx, marks)
        return {
          type: cell.name === 'th' ? 'tableHeader' : 'tableCell',
          attrs: {
            colspan: Number(cell.attrs.colspan) || 1,
            rowspan: Number(cell.attrs.rowspan) || 1,
            colwidth: null,
          },
          content: content.length ? content : [para([])],
        }
      }),
  }))
  const usable = tableRows.filter((r) => r.content.length)
  if (!usable.length) return para([])
  return { type: 'table', content: usable }
}
