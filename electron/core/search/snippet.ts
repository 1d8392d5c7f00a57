import { fold } from './tokenize'

/** Folded text plus, for each folded code unit, the index of the original code unit it came from. */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = ''
  const map: number[] = []
  let i = 0
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    const f = code < 128 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : fold(ch)
    folded += f
    for (let k = 0; k < f.length; k++) map.push(i)
    i += ch.length
  }
  map.push(i)
  return { folded, map }
}

const SNIPPET_CHARS = 160
/** Long notes are only searched this far for a snippet; the start of a note is where the match usually is. */
const SCAN_CHARS = 20_000

/**
 * A one-line excerpt around the earliest match, so the hit list shows why a note matched; the start of
 * the note when the match is only in the title or a tag.
 */
export function snippetFor(text: string, matches: readonly string[]): string {
  const flat = text.slice(0, SCAN_CHARS).replace(/\s+/gu, ' ').trim()
  const { folded, map } = foldWithMap(flat)
  let first = -1
  let firstLength = 0
  for (const match of matches) {
    if (!match) continue
    const at = folded.indexOf(match)
    if (at !== -1 && (first === -1 || at < first)) [first, firstLength] = [at, match.length]
  }
  if (first === -1 || flat.length <= SNIPPET_CHARS) return cut(flat, 0)
  const start = map[first]!
  const end = map[first + firstLength]!
  const before = Math.max(0, Math.min(start - 40, end + 40 - SNIPPET_CHARS))
  // Start at a word boundary so the excerpt does not open with half a word.
  const space = flat.lastIndexOf(' ', before + 1)
  return cut(flat, before > 0 && space > before - 15 ? space + 1 : before)
}

function cut(flat: string, from: number): string {
  const body = flat.slice(from, from + SNIPPET_CHARS)
  const tail = from + SNIPPET_CHARS < flat.length ? '…' : ''
  return `${from > 0 ? '…' : ''}${from + SNIPPET_CHARS < flat.length ? body.trimEnd() : body}${tail}`
}
