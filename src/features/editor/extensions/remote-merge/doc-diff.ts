import { Fragment, Mark, type Node } from '@tiptap/pm/model'
import { diffSeq, type Hunk } from './seq-diff'

/**
 * One difference between two versions of a note, in the positions of the older one (`base`):
 * - replace: `base[from, to)` became `content` (inline: inside one text block, so a character at a time);
 * - markup: the node at `pos` keeps its content but takes `node`'s type, attributes and marks (a task
 *   ticked, a heading level changed).
 * Changes never overlap, except a markup change around changes inside the node it names.
 */
export type Change =
  | { kind: 'replace'; from: number; to: number; content: Fragment; inline: boolean }
  | { kind: 'markup'; pos: number; node: Node }

/**
 * The fine-grained difference from `base` to `incoming`: blocks matched first (an unchanged paragraph is
 * never touched), then, inside a changed block of the same kind, its children or, in a text block, its
 * characters. So a remote edit of one word replaces that word, never the paragraph around it.
 */
export function diffDocs(base: Node, incoming: Node): Change[] {
  const changes: Change[] = []
  diffContent(base, incoming, 0, changes)
  return changes
}

/** Compares the children of two matching nodes; `start` is where `a`'s content begins. */
function diffContent(a: Node, b: Node, start: number, out: Change[]): void {
  if (a.inlineContent && b.inlineContent) {
    diffInline(a, b, start, out)
    return
  }
  const ac = children(a)
  const bc = children(b)
  const at = offsets(ac, start)
  for (const h of diffSeq(ac, bc, (x, y) => x.eq(y))) {
    // A block edited on the other side shows as one replaced by another: pair them up and look inside,
    // and only what has no partner is inserted or removed whole.
    let i = h.aFrom
    let j = h.bFrom
    const flush = (toA: number, toB: number) => {
      if (i < toA || j < toB) {
        const content = Fragment.fromArray(bc.slice(j, toB))
        out.push({ kind: 'replace', from: at[i]!, to: at[toA]!, content, inline: false })
      }
    }
    for (const [pa, pb] of pairUp(ac.slice(h.aFrom, h.aTo), bc.slice(h.bFrom, h.bTo))) {
      flush(h.aFrom + pa, h.bFrom + pb)
      diffNode(ac[h.aFrom + pa]!, bc[h.bFrom + pb]!, at[h.aFrom + pa]!, out)
      i = h.aFrom + pa + 1
      j = h.bFrom + pb + 1
    }
    flush(h.aTo, h.bTo)
  }
}

/** Past this many block comparisons in one changed run, blocks are paired in order. */
const MAX_PAIRING = 2500

/**
 * Which old block became which new one, in order: each new block takes the most alike old block after
 * the last one taken (the same kind, at least half its text shared).
 */
function pairUp(as: Node[], bs: Node[]): [number, number][] {
  const pairs: [number, number][] = []
  if (as.length * bs.length > MAX_PAIRING) {
    for (let k = 0; k < Math.min(as.length, bs.length) && similar(as[k]!, bs[k]!); k++) pairs.push([k, k])
    return pairs
  }
  // One block became one block of the same kind: an edit of it, however large.
  if (as.length === 1 && bs.length === 1) return similar(as[0]!, bs[0]!) ? [[0, 0]] : []
  let next = 0
  for (let j = 0; j < bs.length; j++) {
    let best = -1
    let bestScore = 0.5
    for (let i = next; i < as.length; i++) {
      const score = similar(as[i]!, bs[j]!) ? likeness(as[i]!.textContent, bs[j]!.textContent) : 0
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = i
        bestScore = score
      }
    }
    if (best >= 0) {
      pairs.push([best, j])
      next = best + 1
    }
  }
  return pairs
}

/** How much of the longer text the two share, in order (1: equal, or both empty). */
function likeness(a: string, b: string): number {
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  const removed = diffSeq([...a], [...b], (x, y) => x === y).reduce((n, h) => n + h.aTo - h.aFrom, 0)
  return ([...a].length - removed) / longer
}

function diffNode(a: Node, b: Node, pos: number, out: Change[]): void {
  if (!a.sameMarkup(b)) out.push({ kind: 'markup', pos, node: b })
  diffContent(a, b, pos + 1, out)
}

/** Two blocks worth comparing inside: the same kind of container, or two text blocks (a retyped line). */
function similar(a: Node, b: Node): boolean {
  if (a.isLeaf || b.isLeaf || a.isAtom || b.isAtom) return false
  return a.type === b.type || (a.isTextblock && b.isTextblock)
}

/** One character of text (with its marks) or one inline node: what an inline diff compares. */
interface Unit {
  ch: string | null
  node: Node
  size: number
}

function diffInline(a: Node, b: Node, start: number, out: Change[]): void {
  const ua = units(a)
  const ub = units(b)
  const at = unitOffsets(ua)
  const bt = unitOffsets(ub)
  for (const found of diffSeq(ua, ub, sameUnit)) {
    const h = toWordEdge(found, ua, ub)
    out.push({
      kind: 'replace',
      from: start + at[h.aFrom]!,
      to: start + at[h.aTo]!,
      content: b.content.cut(bt[h.bFrom]!, bt[h.bTo]),
      inline: true,
    })
  }
}

/** How far an insertion or deletion is slid looking for a better place; a word is rarely longer. */
const MAX_SLIDE = 64

/**
 * A pure insertion or deletion can often sit at several places with the same result ("one two three" →
 * "one three" deletes "two " or "wo t"): it is moved to one starting and ending at word edges, so it never
 * takes a character of a neighbouring word that this side may be typing beside.
 */
function toWordEdge(h: Hunk, ua: Unit[], ub: Unit[]): Hunk {
  const deleting = h.bFrom === h.bTo
  if (deleting === (h.aFrom === h.aTo)) return h
  // The run that moves, and the sequence it moves in: a deletion in the old text, an insertion in the new.
  const [seq, from, to] = deleting ? [ua, h.aFrom, h.aTo] : [ub, h.bFrom, h.bTo]
  // Both sides are equal around the run, so sliding it moves its place in both sequences alike.
  const at = (shift: number): Hunk => ({
    aFrom: h.aFrom + shift,
    aTo: h.aTo + shift,
    bFrom: h.bFrom + shift,
    bTo: h.bTo + shift,
  })
  const space = (u: Unit | undefined) => u === undefined || u.ch === null || /\s/.test(u.ch)
  const score = (f: number, t: number) =>
    Number(space(seq[f - 1]) || space(seq[f])) + Number(space(seq[t]) || space(seq[t - 1]))
  let best = 0
  let bestScore = score(from, to)
  for (let s = -1; s >= -MAX_SLIDE && from + s >= 0 && sameUnit(seq[from + s]!, seq[to + s]!); s--) {
    if (score(from + s, to + s) > bestScore) [best, bestScore] = [s, score(from + s, to + s)]
  }
  for (
    let s = 1;
    s <= MAX_SLIDE && to + s - 1 < seq.length && sameUnit(seq[from + s - 1]!, seq[to + s - 1]!);
    s++
  ) {
    if (score(from + s, to + s) > bestScore) [best, bestScore] = [s, score(from + s, to + s)]
  }
  return at(best)
}

function units(node: Node): Unit[] {
  const list: Unit[] = []
  node.forEach((child) => {
    // By code point, so an emoji (two UTF-16 units, two positions) is never split in half.
    if (child.isText) for (const ch of child.text!) list.push({ ch, node: child, size: ch.length })
    else list.push({ ch: null, node: child, size: child.nodeSize })
  })
  return list
}

const sameUnit = (x: Unit, y: Unit) =>
  x.ch !== null
    ? x.ch === y.ch && Mark.sameSet(x.node.marks, y.node.marks)
    : y.ch === null && x.node.eq(y.node)

function unitOffsets(list: Unit[]): number[] {
  const at = [0]
  for (const u of list) at.push(at[at.length - 1]! + u.size)
  return at
}

function children(node: Node): Node[] {
  const list: Node[] = []
  node.forEach((child) => list.push(child))
  return list
}

/** Where each child starts (and, last, where the content ends). */
function offsets(list: Node[], start: number): number[] {
  const at = [start]
  for (const n of list) at.push(at[at.length - 1]! + n.nodeSize)
  return at
}
