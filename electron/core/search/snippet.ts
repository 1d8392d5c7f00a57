import { fold, foldWithMap } from '../../shared/domain/fold'

const SNIPPET_CHARS = 160
/** Characters shown before the match when the excerpt has room. */
const LEAD = 40
/** Long notes are only searched this far for a snippet; the start of a note is where the match usually is. */
const SCAN_CHARS = 20_000
/**
 * The text is folded and searched a piece at a time, stopping at the first piece with a match: hits are
 * often long notes, and folding all of one took longer than finding the note did.
 */
const PIECE = 2048
const SPACE = /\s+/g
const NON_SPACE = /\S/g

/** Where in `text` the earliest of the (folded) matches starts and ends, or null. */
function firstMatch(text: string, matches: readonly string[]): { start: number; end: number } | null {
  const wanted = matches.filter(Boolean)
  if (!wanted.length) return null
  const overlap = Math.max(...wanted.map((m) => m.length)) * 2 // folding may shorten a match's original
  const limit = Math.min(text.length, SCAN_CHARS)
  for (let at = 0; at < limit; at += PIECE) {
    const piece = text.slice(at, at + PIECE + overlap)
    let folded = fold(piece)
    // Folding keeps one code unit per code unit for nearly all text (an accent goes with its composed
    // letter, Hangul recomposes), so positions carry over; otherwise a per-character map says where.
    let map: number[] | null = null
    if (folded.length !== piece.length) ({ folded, map } = foldWithMap(piece))
    let first = -1
    let length = 0
    for (const match of wanted) {
      const i = folded.indexOf(match)
      if (i !== -1 && (first === -1 || i < first)) [first, length] = [i, match.length]
    }
    if (first !== -1 && (map ? map[first]! : first) < PIECE) {
      return map
        ? { start: at + map[first]!, end: at + map[first + length]! }
        : { start: at + first, end: at + first + length }
    }
  }
  return null
}

const flatten = (text: string) => text.replace(SPACE, ' ')

/**
 * A one-line excerpt around the earliest match, so the hit list shows why a note matched; the start of
 * the note when the match is only in the title or a tag. Whitespace runs show as one space.
 */
export function snippetFor(text: string, matches: readonly string[]): string {
  const found = firstMatch(text, matches) ?? { start: 0, end: 0 }
  // Only a window around the match is flattened; runs of whitespace only shrink it, so it holds enough.
  let from = Math.max(0, found.start - SNIPPET_CHARS)
  NON_SPACE.lastIndex = from
  from = NON_SPACE.exec(text)?.index ?? text.length
  if (from > found.start) from = found.start
  const to = Math.min(text.length, found.end + SNIPPET_CHARS)
  const flat = flatten(text.slice(from, to))
  NON_SPACE.lastIndex = to
  const more = NON_SPACE.test(text) // more text after the window
  const matchStart = found.end > found.start ? flatten(text.slice(from, found.start)).length : 0
  const matchEnd = found.end > found.start ? flatten(text.slice(from, found.end)).length : 0
  const whole = from === 0 && !more && flat.trimEnd().length <= SNIPPET_CHARS
  const before = whole ? 0 : Math.max(0, Math.min(matchStart - LEAD, matchEnd + LEAD - SNIPPET_CHARS))
  // Start at a word boundary so the excerpt does not open with half a word.
  const space = flat.lastIndexOf(' ', before + 1)
  const start = before > 0 && space > before - 15 ? space + 1 : before
  const body = flat.slice(start, start + SNIPPET_CHARS).trimEnd()
  const cut = more || flat.slice(start + SNIPPET_CHARS).trim().length > 0
  return `${from + start > 0 ? '…' : ''}${body}${cut ? '…' : ''}`
}
