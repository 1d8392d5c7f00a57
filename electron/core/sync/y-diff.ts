import * as Y from 'yjs'
import type { DocNodeT, NoteDoc } from '../../shared/model'
import { deepEqual } from './deep-equal'
import { textEdit } from './text-edit'
import {
  attributesOf,
  definedAttrs,
  newChild,
  partsOf,
  textNodesOf,
  type Part,
  type YChild,
} from './y-format'

/**
 * Turns "the document is now this JSON" into the fewest Yjs operations that make a fragment hold it, as
 * y-prosemirror's updateYFragment does for an editor (which core cannot use: it needs a ProseMirror
 * schema). Unchanged nodes keep their Yjs identity, so a change made here merges with a concurrent one
 * made elsewhere instead of replacing it; merging itself is Yjs's job. This is how a save from today's
 * editor, `tickler append`, or a joining device's own copy of a note reaches the note's Y.Doc, and why a
 * note is converted wholesale only once.
 */
export function updateFragment(fragment: Y.XmlFragment, doc: NoteDoc): void {
  const apply = () => updateChildren(fragment, partsOf(doc.content))
  if (fragment.doc) fragment.doc.transact(apply)
  else apply()
}

/** A child as the diff sees it: an element, or a run of adjacent Y.XmlTexts read as one text. */
type YPart =
  { kind: 'element'; el: Y.XmlElement; index: number } | { kind: 'text'; texts: Y.XmlText[]; index: number }

function yPartsOf(parent: Y.XmlFragment | Y.XmlElement): YPart[] {
  const parts: YPart[] = []
  parent.toArray().forEach((child, index) => {
    const last = parts.at(-1)
    if (child instanceof Y.XmlElement) parts.push({ kind: 'element', el: child, index })
    else if (child instanceof Y.XmlText) {
      if (last?.kind === 'text' && last.index + last.texts.length === index) last.texts.push(child)
      else parts.push({ kind: 'text', texts: [child], index })
    }
  })
  return parts
}

const width = (p: YPart) => (p.kind === 'text' ? p.texts.length : 1)
const textOf = (texts: Y.XmlText[]) => texts.flatMap(textNodesOf)

function sameAttrs(y: Record<string, unknown>, want: DocNodeT['attrs']): boolean {
  const a = definedAttrs(want)
  const b = Object.entries(y).filter(([, v]) => v !== null && v !== undefined)
  return a.length === b.length && a.every(([k, v]) => deepEqual(y[k], v))
}

function equalPart(y: YPart, t: Part): boolean {
  if (y.kind !== t.kind) return false
  if (y.kind === 'text') return deepEqual(textOf(y.texts), (t as { nodes: DocNodeT[] }).nodes.map(plainText))
  const node = (t as { node: DocNodeT }).node
  if (y.el.nodeName !== node.type || !sameAttrs(y.el.getAttributes(), node.attrs)) return false
  const ys = yPartsOf(y.el)
  const ts = partsOf(node.content)
  return ys.length === ts.length && ys.every((p, i) => equalPart(p, ts[i]!))
}

/** A text node as textNodesOf reads one back, so the two compare equal when they mean the same. */
function plainText(n: DocNodeT): DocNodeT {
  const out: DocNodeT = { type: 'text', text: n.text ?? '' }
  if (n.marks?.length)
    out.marks = n.marks.map((m) =>
      m.attrs && Object.keys(m.attrs).length ? { type: m.type, attrs: m.attrs } : { type: m.type },
    )
  return out
}

const compatible = (y: YPart, t: Part) =>
  y.kind === t.kind && (y.kind === 'text' || y.el.nodeName === (t as { node: DocNodeT }).node.type)

/** Pairs old and new children: equal ones first, then ones of the same type (updated in place). */
function align(ys: YPart[], ts: Part[]): [number, number][] {
  const n = ys.length
  const m = ts.length
  if (n * m > 40_000) {
    // A huge rewrite (a paste of a whole document): pair positions greedily, never quadratic.
    const pairs: [number, number][] = []
    for (let i = 0; i < Math.min(n, m); i++) if (compatible(ys[i]!, ts[i]!)) pairs.push([i, i])
    return pairs
  }
  const score = (i: number, j: number) => (equalPart(ys[i]!, ts[j]!) ? 3 : compatible(ys[i]!, ts[j]!) ? 1 : 0)
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = score(i, j)
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s ? s + best[i + 1]![j + 1]! : 0)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    const s = score(i, j)
    if (s && best[i]![j] === s + best[i + 1]![j + 1]!) pairs.push([i++, j++])
    else if (best[i]![j] === best[i + 1]![j]) i++
    else j++
  }
  return pairs
}

function updateChildren(parent: Y.XmlFragment | Y.XmlElement, targets: Part[]): void {
  const ys = yPartsOf(parent)
  let left = 0
  while (left < ys.length && left < targets.length && equalPart(ys[left]!, targets[left]!)) left++
  let right = 0
  while (
    right < ys.length - left &&
    right < targets.length - left &&
    equalPart(ys[ys.length - 1 - right]!, targets[targets.length - 1 - right]!)
  )
    right++
  const midY = ys.slice(left, ys.length - right)
  const midT = targets.slice(left, targets.length - right)
  if (midY.length === 0 && midT.length === 0) return
  const pairs = align(midY, midT)
  // Work from the end so the indexes of the parts still to visit never move.
  let yEnd = midY.length
  let tEnd = midT.length
  const gap = (yFrom: number, tFrom: number) => {
    for (let k = yEnd - 1; k >= yFrom; k--) {
      const part = midY[k]!
      // Text inside a node is emptied, never removed: another device may be typing into that very Y.XmlText
      // (a line one person cleared while another added to it), and a removed node would take its typing along.
      if (part.kind === 'text' && parent instanceof Y.XmlElement) {
        for (const text of part.texts) if (text.length) text.delete(0, text.length)
      } else parent.delete(part.index, width(part))
    }
    if (tEnd > tFrom) {
      parent.insert(indexAfter(ys, left + yFrom), midT.slice(tFrom, tEnd).map<YChild>(newChild))
    }
  }
  for (let k = pairs.length - 1; k >= 0; k--) {
    const [yi, ti] = pairs[k]!
    gap(yi + 1, ti + 1)
    updatePart(midY[yi]!, midT[ti]!)
    yEnd = yi
    tEnd = ti
  }
  gap(0, 0)
}

/** The child index where a part at position `p` of `ys` starts (or the end, past the last part). */
function indexAfter(ys: YPart[], p: number): number {
  if (p < ys.length) return ys[p]!.index
  const last = ys.at(-1)
  return last ? last.index + width(last) : 0
}

function updatePart(y: YPart, t: Part): void {
  if (y.kind === 'text') return updateText(y.texts, (t as { nodes: DocNodeT[] }).nodes)
  const node = (t as { node: DocNodeT }).node
  const current = y.el.getAttributes() as Record<string, unknown>
  const wanted = Object.fromEntries(definedAttrs(node.attrs))
  for (const key of Object.keys(current)) if (!(key in wanted)) y.el.removeAttribute(key)
  for (const [key, value] of Object.entries(wanted))
    if (!deepEqual(current[key], value)) y.el.setAttribute(key, value as string)
  updateChildren(y.el, partsOf(node.content))
}

/** One logical text over several Y.XmlTexts: positions map onto the segment that holds them. */
function updateText(texts: Y.XmlText[], nodes: DocNodeT[]): void {
  const current = texts.map(plainString)
  const was = current.join('')
  const want = nodes.map((n) => n.text ?? '').join('')
  const { start, removed, inserted } = textEdit(was, want)
  remove(texts, current, start, removed)
  if (inserted) insertAt(texts, start, inserted, marksAt(nodes, start))
  reformat(texts, nodes)
}

/** The characters of a Y.XmlText (its toString() would render marks as XML tags). */
const plainString = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')

function remove(texts: Y.XmlText[], lengths: string[], from: number, count: number): void {
  const to = from + count
  let offset = 0
  texts.forEach((text, i) => {
    const len = lengths[i]!.length
    const a = Math.max(from, offset)
    const b = Math.min(to, offset + len)
    if (b > a) text.delete(a - offset, b - a)
    offset += len
  })
}

function marksAt(nodes: DocNodeT[], at: number): Record<string, unknown> {
  let offset = 0
  for (const n of nodes) {
    offset += (n.text ?? '').length
    if (at < offset) return attributesOf(n.marks)
  }
  return {}
}

function insertAt(texts: Y.XmlText[], at: number, text: string, attributes: Record<string, unknown>): void {
  let offset = 0
  for (let i = 0; i < texts.length; i++) {
    const len = texts[i]!.length
    if (at <= offset + len || i === texts.length - 1) {
      texts[i]!.insert(at - offset, text, attributes)
      return
    }
    offset += len
  }
}

/** Sets exactly the marks each range should have, touching only ranges whose marks differ. */
function reformat(texts: Y.XmlText[], nodes: DocNodeT[]): void {
  const wanted: Record<string, unknown>[] = []
  for (const n of nodes) for (let i = 0; i < (n.text ?? '').length; i++) wanted.push(attributesOf(n.marks))
  let pos = 0
  for (const text of texts) {
    let local = 0
    for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
      const len = typeof op.insert === 'string' ? op.insert.length : 1
      const have = op.attributes ?? {}
      let i = 0
      while (i < len) {
        const target = wanted[pos + i] ?? {}
        let j = i + 1
        while (j < len && deepEqual(wanted[pos + j] ?? {}, target)) j++
        if (!deepEqual(have, target)) {
          const change: Record<string, unknown> = {}
          for (const key of Object.keys(have)) if (!(key in target)) change[key] = null
          for (const [key, value] of Object.entries(target))
            if (!deepEqual(have[key], value)) change[key] = value
          text.format(local + i, j - i, change)
        }
        i = j
      }
      pos += len
      local += len
    }
  }
}
