import MarkdownIt from 'markdown-it'
import { attachmentNode, type AttachmentRef } from '../../shared/domain/attachment'
import { DOC_LIMITS, type DocNodeT, type NoteDoc } from '../../shared/model'
import { noteLinkNode } from '../../shared/note-link'
import { isSafeLink, isWebUrl } from './links'

/** Resolves a relative link or image target to an attachment already stored from the imported files. */
export type LocalAsset = (href: string) => AttachmentRef | undefined
/** Resolves a relative link to another imported Markdown file to the note it became. */
export type LocalNote = (href: string) => { id: string; title: string } | undefined

type Mark = NonNullable<DocNodeT['marks']>[number]
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number]

const attr = (t: Token, name: string): string => {
  const value = t.attrGet(name)
  return value === null ? '' : String(value)
}

/**
 * markdown-it stops reading a container's lines at maxNesting (its default, 100, is reached by 50 nested
 * lists) and recurses once per level below it. This keeps four times what a note can hold, which
 * fitDocDepth then flattens, and still bounds the recursion on a file of a million ">"s.
 */
const MAX_NESTING = DOC_LIMITS.depth * 4
/** The warning for a file that went past MAX_NESTING: the lines below it are not in the note. */
export const CUT_WARNING = `it nests lists or quotes more than ${MAX_NESTING / 2} levels deep; the lines below that were left out`

// html: false keeps raw HTML as visible text rather than markup the note would then carry around.
const md = new MarkdownIt('default', { html: false, linkify: false, maxNesting: MAX_NESTING })
/** Blocks whose content is inline: opened at the last level, they still keep their text. */
const INLINE_BLOCKS = new Set(['paragraph_open', 'heading_open', 'th_open', 'td_open'])

const CONTAINERS: Record<string, (t: Token) => DocNodeT> = {
  paragraph_open: () => ({ type: 'paragraph' }),
  // The editor offers levels 1–3 only (and would draw a level-4 node as a level 1), so deeper headings become 3.
  heading_open: (t) => ({ type: 'heading', attrs: { level: Math.min(3, Number(t.tag.slice(1)) || 1) } }),
  bullet_list_open: () => ({ type: 'bulletList' }),
  ordered_list_open: (t) => ({ type: 'orderedList', attrs: { start: Number(t.attrGet('start') ?? 1) || 1 } }),
  list_item_open: () => ({ type: 'listItem' }),
  blockquote_open: () => ({ type: 'blockquote' }),
  table_open: () => ({ type: 'table' }),
  tr_open: () => ({ type: 'tableRow' }),
  th_open: () => ({ type: 'tableHeader' }),
  td_open: () => ({ type: 'tableCell' }),
}

/** Nodes ProseMirror requires to hold at least one block. */
const NEEDS_BLOCK = new Set(['listItem', 'taskItem', 'blockquote', 'tableCell', 'tableHeader'])

function inlineNodes(children: Token[], local: LocalAsset, localNote: LocalNote): DocNodeT[] {
  const out: DocNodeT[] = []
  let marks: Mark[] = []
  let assetLink: { ref: AttachmentRef; text: string } | undefined
  let noteLink: { id: string; title: string; text: string } | undefined
  const withMarks = (text: string, extra: Mark[] = []): DocNodeT => {
    const all = [...marks, ...extra]
    return all.length ? { type: 'text', text, marks: all } : { type: 'text', text }
  }
  const drop = (type: string) => {
    const at = marks.map((m) => m.type).lastIndexOf(type)
    if (at >= 0) marks = [...marks.slice(0, at), ...marks.slice(at + 1)]
  }
  for (const t of children) {
    const inLink = assetLink ?? noteLink
    if (inLink && t.type !== 'link_close') {
      inLink.text += t.content
      continue
    }
    switch (t.type) {
      case 'text':
        if (t.content) out.push(withMarks(t.content))
        break
      case 'code_inline':
        out.push(withMarks(t.content, [{ type: 'code' }]))
        break
      case 'softbreak':
      case 'hardbreak':
        out.push({ type: 'hardBreak' })
        break
      case 'strong_open':
        marks = [...marks, { type: 'bold' }]
        break
      case 'em_open':
        marks = [...marks, { type: 'italic' }]
        break
      case 's_open':
        marks = [...marks, { type: 'strike' }]
        break
      case 'strong_close':
        drop('bold')
        break
      case 'em_close':
        drop('italic')
        break
      case 's_close':
        drop('strike')
        break
      case 'link_open': {
        const href = attr(t, 'href')
        const target = isWebUrl(href) ? undefined : localNote(href)
        const ref = isWebUrl(href) || target ? undefined : local(href)
        if (target) noteLink = { ...target, text: '' }
        else if (ref) assetLink = { ref, text: '' }
        // Links the editor would refuse (javascript:, file:, other notes' paths) keep their text only.
        else if (isSafeLink(href)) marks = [...marks, { type: 'link', attrs: { href } }]
        else marks = [...marks, { type: 'link-dropped' }]
        break
      }
      case 'link_close':
        if (noteLink) {
          // Words that are the target's title follow it through renames; other words are the link's own.
          const words = noteLink.text.trim()
          out.push(
            noteLinkNode({ id: noteLink.id, title: noteLink.title, label: words && words !== noteLink.title ? words : null }),
          )
          noteLink = undefined
        } else if (assetLink) {
          out.push(attachmentNode({ ...assetLink.ref, name: assetLink.text.trim() || assetLink.ref.name }))
          assetLink = undefined
        } else {
          let at = marks.length - 1
          while (at >= 0 && marks[at]!.type !== 'link' && marks[at]!.type !== 'link-dropped') at--
          if (at >= 0) marks = [...marks.slice(0, at), ...marks.slice(at + 1)]
        }
        break
      case 'image': {
        const src = attr(t, 'src')
        const alt = t.content
        const ref = isWebUrl(src) ? undefined : local(src)
        if (ref) out.push(attachmentNode({ ...ref, name: alt.trim() || ref.name }))
        else if (isWebUrl(src))
          out.push({ type: 'image', attrs: { src, alt: alt || null, title: attr(t, 'title') || null } })
        else if (alt) out.push(withMarks(alt))
        break
      }
      default:
        if (t.content) out.push(withMarks(t.content))
    }
  }
  return mergeText(
    out.map((node) => {
      const marks = node.marks?.filter((m) => m.type !== 'link-dropped')
      return marks?.length
        ? { ...node, marks }
        : node.type === 'text'
          ? { type: 'text', text: node.text }
          : node
    }),
  )
}

/** Joins neighbouring text with the same marks, as ProseMirror itself would, so documents compare equal. */
function mergeText(nodes: DocNodeT[]): DocNodeT[] {
  const out: DocNodeT[] = []
  for (const node of nodes) {
    const last = out.at(-1)
    if (
      last?.type === 'text' &&
      node.type === 'text' &&
      JSON.stringify(last.marks) === JSON.stringify(node.marks)
    ) {
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') }
    } else out.push(node)
  }
  return out
}

/** The editor's image is a block: a web image inside a paragraph splits it, so the document stays valid. */
function splitOutImages(paragraph: DocNodeT): DocNodeT[] {
  const content = paragraph.content ?? []
  if (!content.some((n) => n.type === 'image')) return [paragraph]
  const out: DocNodeT[] = []
  let run: DocNodeT[] = []
  const flush = () => {
    const trimmed = run.filter((n, i) => !(n.type === 'hardBreak' && (i === 0 || i === run.length - 1)))
    if (trimmed.length) out.push({ type: 'paragraph', content: trimmed })
    run = []
  }
  for (const node of content) {
    if (node.type === 'image') {
      flush()
      out.push(node)
    } else run.push(node)
  }
  flush()
  return out
}

const TASK = /^\[( |x|X)\]\s/

/** `- [ ] a` / `- [x] b` lists (GFM task lists, which markdown-it leaves as text) become checklists. */
function toTaskList(list: DocNodeT): DocNodeT {
  const items = list.content ?? []
  const firstText = (item: DocNodeT) => item.content?.[0]?.content?.[0]
  const isTask = (item: DocNodeT) => {
    const first = firstText(item)
    return item.content?.[0]?.type === 'paragraph' && first?.type === 'text' && TASK.test(first.text ?? '')
  }
  if (items.length === 0 || !items.every(isTask)) return list
  return {
    type: 'taskList',
    content: items.map((item) => {
      const [para, ...rest] = item.content ?? []
      const [first, ...others] = para?.content ?? []
      const checked = (first?.text ?? '')[1]?.toLowerCase() === 'x'
      const text = (first?.text ?? '').replace(TASK, '')
      const head = text ? [{ ...first!, text }] : []
      const paraContent = [...head, ...others]
      return {
        type: 'taskItem',
        attrs: { checked },
        content: [
          paraContent.length ? { type: 'paragraph', content: paraContent } : { type: 'paragraph' },
          ...rest,
        ],
      }
    }),
  }
}

function finish(node: DocNodeT): DocNodeT[] {
  if (node.content?.length === 0) delete node.content
  if (NEEDS_BLOCK.has(node.type) && !node.content) node.content = [{ type: 'paragraph' }]
  if (node.type === 'paragraph') return splitOutImages(node)
  if (node.type === 'bulletList') return [toTaskList(node)]
  return [node]
}

export interface ImportedMarkdown {
  /** The text of a leading level-1 heading, which Tickler keeps as the note's title. */
  title: string | undefined
  /** That heading as a node, for a caller whose title came from elsewhere (front matter) to put it back. */
  heading?: DocNodeT
  doc: NoteDoc
  /** True when the file nested past MAX_NESTING and markdown-it left the deeper lines out. */
  cut: boolean
}

/** Markdown → a TipTap document, through markdown-it's token stream. */
export function markdownToDoc(
  source: string,
  local: LocalAsset = () => undefined,
  localNote: LocalNote = () => undefined,
): ImportedMarkdown {
  const tokens = md.parse(source.replace(/^\uFEFF/, ''), {})
  const root: DocNodeT = { type: 'doc', content: [] }
  const stack: DocNodeT[] = [root]
  const top = () => stack[stack.length - 1]!
  const append = (nodes: DocNodeT[]) => (top().content ??= []).push(...nodes)
  let cut = false
  for (const t of tokens) {
    // A container opened at the last level has its lines skipped (markdown-it reads no block deeper).
    if (t.nesting === 1 && t.level >= MAX_NESTING - 1 && !INLINE_BLOCKS.has(t.type)) cut = true
    const open = CONTAINERS[t.type]
    if (open) stack.push(open(t))
    else if (t.nesting === -1 && t.type in CLOSERS) append(finish(stack.pop()!))
    else if (t.type === 'inline') {
      const nodes = inlineNodes(t.children ?? [], local, localNote)
      const parent = top().type
      if (parent === 'tableCell' || parent === 'tableHeader') {
        append(
          splitOutImages({ type: 'paragraph', content: nodes }).map((n) =>
            n.content?.length === 0 ? { type: 'paragraph' } : n,
          ),
        )
      } else if (nodes.length) append(nodes)
    } else if (t.type === 'fence' || t.type === 'code_block') {
      const language = t.info.trim().split(/\s+/)[0] || null
      const text = t.content.replace(/\n$/, '')
      append([
        { type: 'codeBlock', attrs: { language }, ...(text ? { content: [{ type: 'text', text }] } : {}) },
      ])
    } else if (t.type === 'hr') append([{ type: 'horizontalRule' }])
    else if (t.type === 'html_block' && t.content.trim()) {
      append([{ type: 'paragraph', content: [{ type: 'text', text: t.content.trim() }] }])
    }
  }
  const content = root.content ?? []
  const first = content[0]
  let title: string | undefined
  let heading: DocNodeT | undefined
  if (first?.type === 'heading' && first.attrs?.level === 1) {
    title = (first.content ?? [])
      .map((n) => n.text ?? '')
      .join('')
      .trim()
    heading = content.shift()
  }
  return { title, heading, cut, doc: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] } }
}

const CLOSERS = Object.fromEntries(Object.keys(CONTAINERS).map((k) => [k.replace(/_open$/, '_close'), true]))
