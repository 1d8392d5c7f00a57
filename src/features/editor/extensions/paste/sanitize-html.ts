import { isAllowedImageSrc } from '../safe-image/image-src'
import { isAllowedLink } from '../safe-link/link-policy'
import { convertWordLists } from './word-lists'

/** Elements dropped with everything inside them: code, styling, embedded documents and form controls. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'meta',
  'base',
  'title',
  'head',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'xml',
  'o:wrapblock',
])

/** Structure the editor's schema understands; any other element is unwrapped (its text kept). */
const KEEP: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  div: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  u: [],
  s: [],
  strike: [],
  del: [],
  mark: [],
  code: [],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: ['data-checked', 'data-type'],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title', 'width', 'height'],
  table: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  sub: [],
  sup: [],
  label: [],
}

/** Word and Google Docs express bold/italic/underline/strike as inline styles, which are otherwise dropped. */
function marksFromStyle(style: string): string[] {
  const css = style.toLowerCase().replace(/\s+/g, '')
  const marks: string[] = []
  const weight = /font-weight:(\w+)/.exec(css)?.[1]
  if (weight && (weight === 'bold' || weight === 'bolder' || Number(weight) >= 600)) marks.push('strong')
  if (/font-style:italic/.test(css)) marks.push('em')
  if (/text-decoration[\w-]*:[^;]*underline/.test(css)) marks.push('u')
  if (/text-decoration[\w-]*:[^;]*line-through/.test(css)) marks.push('s')
  return marks
}

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes))
}

function cleanElement(el: Element): void {
  const tag = el.tagName.toLowerCase()
  if (DROP.has(tag)) {
    el.remove()
    return
  }
  // Children first, so unwrapping this element moves already-clean nodes.
  for (const child of Array.from(el.children)) cleanElement(child)

  const style = el.getAttribute('style') ?? ''
  const allowed = KEEP[tag]
  // Google Docs wraps a whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">.
  const docsWrapper = tag === 'b' && /^docs-internal-guid/.test(el.id)
  if (!allowed || docsWrapper) {
    if (tag === 'span' && !docsWrapper) wrapInMarks(el, marksFromStyle(style))
    unwrap(el)
    return
  }
  if (tag === 'a' && !isAllowedLink(el.getAttribute('href'))) {
    unwrap(el)
    return
  }
  if (tag === 'img' && !isAllowedImageSrc(el.getAttribute('src'))) {
    el.remove()
    return
  }
  for (const attr of Array.from(el.attributes)) {
    if (!allowed.includes(attr.name.toLowerCase())) el.removeAttribute(attr.name)
  }
}

function wrapInMarks(el: Element, marks: string[]): void {
  let inner: Element = el
  for (const mark of marks) {
    const wrapper = el.ownerDocument.createElement(mark)
    wrapper.append(...Array.from(inner.childNodes))
    inner.append(wrapper)
    inner = wrapper
  }
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  for (const comment of comments) comment.parentNode?.removeChild(comment)
}

/**
 * Cleans HTML from the clipboard before the editor parses it: structure (headings, lists, tables, links,
 * images, emphasis, Word's paragraph-styled lists) stays; scripts, styles, event handlers, classes, Word's conditional comments and
 * unknown markup go. The editor's schema is a second line of defence; this makes the first one explicit
 * and testable. Parsing happens in an inert document, so nothing in the paste runs or loads.
 */
export function sanitizePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  removeComments(doc.body)
  convertWordLists(doc.body)
  for (const child of Array.from(doc.body.children)) cleanElement(child)
  return doc.body.innerHTML
}
