import { DOC_LIMITS, type DocNodeT, type NoteDoc } from '../shared/model'

/** Nodes whose content may be paragraphs, so flattened text has somewhere valid to go. */
const HOLDS_PARAGRAPHS = new Set(['doc', 'listItem', 'taskItem', 'blockquote', 'tableCell', 'tableHeader'])
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock'])
/** Structure that means nothing once flattened (an empty list item has no words to keep). */
const STRUCTURE = new Set([
  'bulletList',
  'orderedList',
  'taskList',
  'listItem',
  'taskItem',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'blockquote',
])
/**
 * From this level on, a container keeps only flat paragraphs. Containers come at least every third level
 * (list → item, table → row → cell), so the first one at or past it flattens with room for its paragraphs
 * and their text below DOC_LIMITS.depth.
 */
const FLAT_FROM = DOC_LIMITS.depth - 8

/** The blocks under nodes, in reading order, with every list, quote and table around them removed. */
function flatBlocks(nodes: DocNodeT[]): DocNodeT[] {
  const out: DocNodeT[] = []
  const stack = [...nodes].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (TEXTBLOCKS.has(node.type)) out.push(node)
    else if (node.content?.length)
      for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]!)
    else if (!STRUCTURE.has(node.type)) out.push(node)
  }
  return out
}

/**
 * An imported document brought within DOC_LIMITS.depth: below FLAT_FROM, lists, quotes and tables become
 * the plain paragraphs they hold, so an ENEX of 700 nested lists keeps every word as a note the contract
 * (and the editor) accept. Recursion stops past the limit, so even a broken document cannot overflow it;
 * what still does not fit is refused by the model's check when the note is written.
 */
export function fitDocDepth(doc: NoteDoc): { doc: NoteDoc; flattened: boolean } {
  let flattened = false
  const fit = (node: DocNodeT, level: number): DocNodeT => {
    if (!node.content || level > DOC_LIMITS.depth) return node
    if (level >= FLAT_FROM && HOLDS_PARAGRAPHS.has(node.type)) {
      const flat = flatBlocks(node.content)
      if (flat.length !== node.content.length || flat.some((n, i) => n !== node.content![i])) flattened = true
      return { ...node, content: flat.length ? flat : [{ type: 'paragraph' }] }
    }
    return { ...node, content: node.content.map((child) => fit(child, level + 1)) }
  }
  const fitted = fit(doc, 0) as NoteDoc
  return { doc: fitted, flattened }
}

/** The warning an importer adds when fitDocDepth flattened a note. */
export const FLATTENED_WARNING = `it nested more than ${DOC_LIMITS.depth} levels deep; the deepest lists, quotes and tables became plain paragraphs`
