/**
 * Word does not paste lists as <ul>/<ol>: each item is a paragraph styled `mso-list:l0 level2 lfo1`,
 * with its bullet or number as text inside a `mso-list:Ignore` span. Left alone, the sanitizer would keep
 * the paragraphs and the "·" or "1." characters, and the list would be lost. This turns runs of such
 * paragraphs back into real, nested lists before the generic clean-up runs.
 */

interface WordItem {
  level: number
  ordered: boolean
}

const ORDERED_MARKER = /^\(?([0-9]+|[a-z]|[ivxlcdm]+)[.)]$/i

/** Reads and removes the marker of a Word list paragraph; null when the paragraph is not a list item. */
function takeWordItem(p: Element): WordItem | null {
  const style = (p.getAttribute('style') ?? '').toLowerCase()
  const list = /mso-list:\s*l\d+\s+level(\d+)/.exec(style)
  if (!list) return null
  const markers = Array.from(p.querySelectorAll('[style]')).filter((el) =>
    /mso-list:\s*ignore/i.test(el.getAttribute('style') ?? ''),
  )
  // The outermost Ignore span holds the marker (and Word's spacer spans inside it).
  const marker = markers.find((el) => !markers.some((other) => other !== el && other.contains(el)))
  const text = (marker?.textContent ?? '').replace(/\u00a0/g, ' ').trim()
  for (const el of markers) if (el.isConnected) el.remove()
  return { level: Number(list[1]), ordered: ORDERED_MARKER.test(text) }
}

function isBlank(node: Node): boolean {
  return node.nodeType === 3 /* text */ && !(node.textContent ?? '').trim()
}

function isParagraph(node: Node): node is Element {
  return node.nodeType === 1 /* element */ && (node as Element).tagName === 'P'
}

interface OpenList {
  level: number
  list: Element
}

/** Converts every run of Word list paragraphs under `root` (at any depth) into nested <ul>/<ol>. */
export function convertWordLists(root: Element): void {
  const doc = root.ownerDocument
  const parents = new Set<Element>()
  for (const p of Array.from(root.querySelectorAll('p'))) if (p.parentElement) parents.add(p.parentElement)

  for (const parent of parents) {
    let open: OpenList[] = []
    for (const node of Array.from(parent.childNodes)) {
      if (isBlank(node)) continue
      const item = isParagraph(node) ? takeWordItem(node) : null
      if (!item) {
        open = []
        continue
      }
      while ((open.at(-1)?.level ?? 0) > item.level) open.pop()
      let top = open.at(-1)
      if (!top || top.level < item.level) {
        const list = doc.createElement(item.ordered ? 'ol' : 'ul')
        const hostItem = top?.list.lastElementChild
        if (hostItem) hostItem.append(list)
        else node.before(list)
        top = { level: item.level, list }
        open.push(top)
      }
      const li = doc.createElement('li')
      const para = doc.createElement('p')
      para.append(...Array.from(node.childNodes))
      li.append(para)
      top.list.append(li)
      node.remove()
    }
  }
}
