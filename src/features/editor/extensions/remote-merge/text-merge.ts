import { diffSeq } from './seq-diff'

/**
 * Three-way merge of one line of text (a note's title): what changed from `base` to `current` (this
 * window) and from `base` to `incoming` (another writer) both kept. Where both changed the same
 * characters, both sides' new characters stay (theirs first), so no one's typing is dropped.
 */
export function mergeText(base: string, current: string, incoming: string): string {
  if (current === base || current === incoming) return incoming
  if (incoming === base) return current
  const was = [...base]
  const mine = edits(was, [...current])
  const theirs = edits(was, [...incoming])
  let out = ''
  for (let i = 0; i <= was.length; i++) {
    out += (theirs.inserted.get(i) ?? '') + (mine.inserted.get(i) ?? '')
    if (i < was.length && !mine.deleted.has(i) && !theirs.deleted.has(i)) out += was[i]
  }
  return out
}

function edits(was: string[], now: string[]) {
  const inserted = new Map<number, string>()
  const deleted = new Set<number>()
  const eq = (x: string, y: string) => x === y
  for (const h of diffSeq(was, now, eq)) {
    inserted.set(h.aFrom, now.slice(h.bFrom, h.bTo).join(''))
    for (let i = h.aFrom; i < h.aTo; i++) deleted.add(i)
  }
  return { inserted, deleted }
}
