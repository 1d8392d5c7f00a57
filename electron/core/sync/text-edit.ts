/**
 * The one edit that turns `was` into `want`: common prefix and suffix kept, the middle replaced. A pure
 * insertion or deletion can often sit at several places with the same result ("⟨5⟩" → "⟨1⟩ ⟨5⟩" is
 * "⟨1⟩ " at 0 or "1⟩ ⟨" at 1); it is moved to the one that starts and ends at word boundaries, so it
 * never takes a character of a neighbouring word that another device may be deleting or typing beside.
 * (Edits made between two syncs arrive here as one: the smaller the shared pieces, the safer the merge.)
 */
export interface TextEdit {
  start: number
  removed: number
  inserted: string
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch)
/** How far an edit is slid looking for a better place; a word is rarely longer. */
const MAX_SLIDE = 64

export function textEdit(was: string, want: string): TextEdit {
  let start = 0
  while (start < was.length && start < want.length && was[start] === want[start]) start++
  let end = 0
  while (
    end < was.length - start &&
    end < want.length - start &&
    was[was.length - 1 - end] === want[want.length - 1 - end]
  ) {
    end++
  }
  // Never split a surrogate pair (emoji, rare Hanja): widen the edit to whole code points.
  if (start > 0 && isLowSurrogate(was.charCodeAt(start))) start--
  if (end > 0 && isLowSurrogate(was.charCodeAt(was.length - end))) end--
  if (start + end < was.length && start + end < want.length) {
    // A replacement takes whole words: a word rewritten here ("⟨2⟩" → "⟨11⟩") must not keep its old
    // brackets, which a concurrent deletion of the old word elsewhere would then take from the new one.
    while (start > 0 && !isSpace(was[start - 1])) start--
    while (end > 0 && !isSpace(was[was.length - end])) end--
  }
  const edit = { start, removed: was.length - start - end, inserted: want.slice(start, want.length - end) }
  return edit.removed === 0 || edit.inserted === '' ? slide(was, edit) : edit
}

function score(was: string, e: TextEdit): number {
  const chunk = e.inserted || was.slice(e.start, e.start + e.removed)
  const after = e.start + e.removed
  const left = e.start === 0 || isSpace(was[e.start - 1]) || isSpace(chunk[0])
  const right = after === was.length || isSpace(was[after]) || isSpace(chunk.at(-1))
  return Number(left) + Number(right)
}

function slide(was: string, edit: TextEdit): TextEdit {
  let best = edit
  let bestScore = score(was, edit)
  let e = edit
  for (let step = 0; step < MAX_SLIDE && bestScore < 2 && e.start > 0; step++) {
    const last = e.inserted ? e.inserted.at(-1) : was[e.start + e.removed - 1]
    if (was[e.start - 1] !== last) break
    e = e.inserted
      ? { start: e.start - 1, removed: 0, inserted: was[e.start - 1] + e.inserted.slice(0, -1) }
      : { start: e.start - 1, removed: e.removed, inserted: '' }
    const splits =
      isLowSurrogate(was.charCodeAt(e.start)) || isLowSurrogate(was.charCodeAt(e.start + e.removed))
    const s = splits ? -1 : score(was, e)
    if (s > bestScore) {
      best = e
      bestScore = s
    }
  }
  return best
}
