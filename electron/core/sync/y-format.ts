import * as Y from 'yjs'
import type { DocNodeT, NoteDoc } from '../../shared/model'
import { deepEqual } from './deep-equal'

/**
 * The rich text of a note in a Y.Doc, in exactly the shape TipTap's Collaboration extension (through
 * @tiptap/y-tiptap, a y-prosemirror fork) reads and writes, so the editor can later bind to the same
 * Y.Doc core keeps: one Y.XmlFragment named "default"; a Y.XmlElement per node, named by its type, holding
 * its non-null attributes; each run of adjacent text nodes one Y.XmlText whose marks are format
 * attributes (mark name → mark attrs, {} for a mark without attrs). Core has no ProseMirror schema, so
 * it writes only the attributes the JSON carries; JSON from the editor (getJSON) carries them all, which
 * makes the result identical to y-tiptap's (tests/y-format-conformance.test.ts holds both directions).
 */
export const FRAGMENT = 'default'

type Attrs = Record<string, unknown>
export type YChild = Y.XmlElement | Y.XmlText
/** A child of a node as y-tiptap groups them: an element, or a run of adjacent text nodes. */
export type Part = { kind: 'element'; node: DocNodeT } | { kind: 'text'; nodes: DocNodeT[] }

/** y-tiptap keys marks that may overlap themselves as `name--<8 base64 chars>`; the name is the part before. */
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/
export const markNameOf = (key: string): string => HASHED_MARK.exec(key)?.[1] ?? key

export function partsOf(nodes: readonly DocNodeT[] | undefined): Part[] {
  const parts: Part[] = []
  for (const node of nodes ?? []) {
    const last = parts.at(-1)
    if (node.type !== 'text') parts.push({ kind: 'element', node })
    else if (typeof node.text !== 'string' || node.text === '') continue
    else if (last?.kind === 'text') last.nodes.push(node)
    else parts.push({ kind: 'text', nodes: [node] })
  }
  return parts
}

/** Mark list → format attributes, as y-tiptap's marksToAttributes writes them. */
export function attributesOf(marks: DocNodeT['marks']): Attrs {
  const out: Attrs = {}
  for (const mark of marks ?? []) out[mark.type] = mark.attrs ?? {}
  return out
}

export const definedAttrs = (attrs: Attrs | undefined): [string, unknown][] =>
  Object.entries(attrs ?? {}).filter(
    ([key, value]) => value !== null && value !== undefined && key !== 'ychange',
  )

export function newElement(node: DocNodeT): Y.XmlElement {
  const element = new Y.XmlElement(node.type)
  for (const [key, value] of definedAttrs(node.attrs)) element.setAttribute(key, value as string)
  const children = partsOf(node.content).map(newChild)
  if (children.length) element.insert(0, children)
  return element
}

export function newText(nodes: DocNodeT[]): Y.XmlText {
  const text = new Y.XmlText()
  text.applyDelta(nodes.map((n) => ({ insert: n.text ?? '', attributes: attributesOf(n.marks) })))
  return text
}

export const newChild = (part: Part): YChild =>
  part.kind === 'element' ? newElement(part.node) : newText(part.nodes)

/** Fills an empty fragment with a document: the one conversion a note gets when it first joins sync. */
export function writeDoc(fragment: Y.XmlFragment, doc: NoteDoc): void {
  const children = partsOf(doc.content).map(newChild)
  if (children.length) fragment.insert(0, children)
}

/** Text nodes of one Y.XmlText, marks in the order the format attributes list them. */
export function textNodesOf(text: Y.XmlText): DocNodeT[] {
  const out: DocNodeT[] = []
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, Attrs> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue
    const node: DocNodeT = { type: 'text', text: op.insert }
    const keys = Object.keys(op.attributes ?? {})
    if (keys.length) {
      node.marks = keys.map((key) => {
        const attrs = op.attributes![key] ?? {}
        return Object.keys(attrs).length ? { type: markNameOf(key), attrs } : { type: markNameOf(key) }
      })
    }
    out.push(node)
  }
  return out
}

/**
 * Reads children. Adjacent Y.XmlTexts (two devices typing into one empty paragraph) read as one run, and
 * neighbouring text with the same marks as one text node, as ProseMirror's Fragment joins them.
 */
function childrenOf(parent: Y.XmlFragment | Y.XmlElement): DocNodeT[] {
  const out: DocNodeT[] = []
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) out.push(elementOf(child))
    else if (child instanceof Y.XmlText) {
      for (const node of textNodesOf(child)) {
        const last = out.at(-1)
        if (last?.type === 'text' && deepEqual(last.marks ?? [], node.marks ?? []))
          last.text = `${last.text}${node.text}`
        else out.push(node)
      }
    }
  }
  return out
}

function elementOf(element: Y.XmlElement): DocNodeT {
  const node: DocNodeT = { type: element.nodeName }
  const attrs = element.getAttributes() as Attrs
  if (Object.keys(attrs).length) node.attrs = attrs
  const content = childrenOf(element)
  if (content.length) node.content = content
  return node
}

/** The document a fragment holds, as ProseMirror JSON. */
export function readDoc(fragment: Y.XmlFragment): NoteDoc {
  return { type: 'doc', content: childrenOf(fragment) }
}
