import { Slice, type Node } from '@tiptap/pm/model'
import type { Mapping, Transform } from '@tiptap/pm/transform'
import type { Change } from './doc-diff'

/**
 * Applies `changes` (made against `base`) to the document `tr` holds, which is `base` plus the user's own
 * edits since; `local` maps `base` positions into it. What the user typed is never removed: a character
 * the other side deleted goes only if it is still there untouched, a block only if the user did not edit
 * it, and text the other side inserted goes where its place is now.
 */
export function applyChanges(tr: Transform, base: Node, changes: readonly Change[], local: Mapping): void {
  const start = (c: Change) => (c.kind === 'markup' ? c.pos : c.from)
  // From the end backwards, so the changes already applied all lie after the one being placed.
  for (const change of [...changes].sort((x, y) => start(y) - start(x))) {
    if (change.kind === 'markup') {
      setMarkup(tr, base, change.pos, change.node, local)
      continue
    }
    if (change.to > change.from) {
      const ranges = change.inline
        ? keptCharacters(change.from, change.to, local)
        : untouchedBlocks(tr.before, base, change.from, change.to, local)
      for (const [from, to] of ranges.reverse()) tr.delete(tr.mapping.map(from, 1), tr.mapping.map(to, -1))
    }
    if (change.content.size > 0) {
      // Before the user's own text typed at the same place, so the caret stays after what they typed.
      const at = tr.mapping.map(local.map(change.from, -1), -1)
      tr.replace(at, at, new Slice(change.content, 0, 0))
    }
  }
}

/**
 * Where, in the user's document, the characters of `base[from, to)` still are: those the user deleted are
 * gone already, and text the user typed between them is not part of any range. Adjacent ones are joined.
 */
function keptCharacters(from: number, to: number, local: Mapping): [number, number][] {
  const ranges: [number, number][] = []
  for (let pos = from; pos < to; pos++) {
    const here = local.mapResult(pos, 1)
    if (here.deletedAfter) continue
    const end = local.map(pos + 1, -1)
    if (end <= here.pos) continue
    const last = ranges[ranges.length - 1]
    if (last && last[1] === here.pos) last[1] = end
    else ranges.push([here.pos, end])
  }
  return ranges
}

/**
 * The blocks of `base[from, to)` the user left as they were, where they are now. A block the user edited
 * stays, whatever the other side did to it: a deletion elsewhere never takes typed words with it.
 */
function untouchedBlocks(
  now: Node,
  base: Node,
  from: number,
  to: number,
  local: Mapping,
): [number, number][] {
  const ranges: [number, number][] = []
  for (let pos = from; pos < to;) {
    const block = base.nodeAt(pos)
    if (!block) break
    const start = local.mapResult(pos, 1)
    const end = local.map(pos + block.nodeSize, -1)
    if (!start.deletedAfter && end - start.pos === block.nodeSize && now.nodeAt(start.pos)?.eq(block)) {
      const last = ranges[ranges.length - 1]
      if (last && last[1] === start.pos) last[1] = end
      else ranges.push([start.pos, end])
    }
    pos += block.nodeSize
  }
  return ranges
}

/** Gives the node at `pos` of `base` its new type and attributes, if the user still has it. */
function setMarkup(tr: Transform, base: Node, pos: number, node: Node, local: Mapping): void {
  const was = base.nodeAt(pos)
  const mapped = local.mapResult(pos, 1)
  if (!was || mapped.deletedAfter) return
  const at = tr.mapping.map(mapped.pos, 1)
  const current = tr.doc.nodeAt(at)
  if (!current || current.type !== was.type || !node.type.validContent(current.content)) return
  tr.setNodeMarkup(at, node.type, node.attrs, node.marks)
}
