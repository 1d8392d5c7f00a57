import { Fragment, Slice, type Node as PmNode } from '@tiptap/pm/model'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { MethodOutput } from '../../../../electron/shared/contract'

/** The model's document limits, as core states them (notes.limits): the editor holds no copy of its own. */
export type DocLimits = MethodOutput<'notes.limits'>

export type PasteOutcome =
  /** Within the limits: the paste goes ahead as the editor would do it anyway. */
  | { kind: 'fits' }
  /** Too deep as pasted: its lists, quotes and tables were dropped, its paragraphs kept (this transaction). */
  | { kind: 'flattened'; tr: Transaction }
  /** Would make the note larger, deeper or bigger than a note may be: not pasted, the note unchanged. */
  | { kind: 'refused'; why: 'bytes' | 'nodes' | 'depth' }

/**
 * What the document would be past, as core measures it (node levels below the doc, nodes in all,
 * characters of its JSON), or null. The walk keeps its own stack; the JSON is only made once the depth is
 * known to be within the limit.
 */
function problem(doc: PmNode, limits: DocLimits): 'bytes' | 'nodes' | 'depth' | null {
  const stack: [PmNode, number][] = [[doc, 0]]
  let nodes = 0
  while (stack.length > 0) {
    const [node, level] = stack.pop()!
    if (level > limits.depth) return 'depth'
    if (++nodes > limits.nodes) return 'nodes'
    node.forEach((child) => stack.push([child, level + 1]))
  }
  return JSON.stringify(doc.toJSON()).length > limits.bytes ? 'bytes' : null
}

/** The text blocks of a slice in reading order, every list, quote and table around them taken away. */
function flatBlocks(slice: Slice): Fragment {
  const blocks: PmNode[] = []
  slice.content.descendants((node) => {
    if (node.isTextblock || (node.isBlock && node.isLeaf)) {
      blocks.push(node)
      return false
    }
    return true
  })
  return Fragment.from(blocks)
}

/**
 * The paste rule: the document the paste would make is measured against the model's limits before it is
 * made. Too deep, the pasted content is flattened to its paragraphs (every word kept) when that fits;
 * otherwise nothing is pasted, so the note already there is never touched and core never has to refuse
 * a save of it.
 */
export function fitPaste(state: EditorState, slice: Slice, limits: DocLimits): PasteOutcome {
  const why = problem(state.tr.replaceSelection(slice).doc, limits)
  if (why === null) return { kind: 'fits' }
  if (why === 'depth') {
    const tr = state.tr.replaceSelection(new Slice(flatBlocks(slice), 0, 0))
    if (problem(tr.doc, limits) === null) return { kind: 'flattened', tr }
  }
  return { kind: 'refused', why }
}
