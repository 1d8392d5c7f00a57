import { foldWithMap } from '../../../electron/shared/domain/fold'

/**
 * Highlighting of search matches in the renderer. Core sends the matched words folded (lower case,
 * accents removed); the text on screen is folded by the same rule, with a map back to its own offsets,
 * so "cafe" lights up "Café".
 */

/** Ranges [start, end) in `text` (UTF-16 offsets) where any of `matches` occurs, merged and sorted. */
export function matchRanges(text: string, matches: readonly string[]): [number, number][] {
  const words = matches.filter((m) => m.length > 0)
  if (!words.length || !text) return []
  const { folded, map } = foldWithMap(text)
  const ranges: [number, number][] = []
  for (const word of words) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      ranges.push([map[at]!, map[at + word.length]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged.at(-1)
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}

export interface Segment {
  text: string
  hit: boolean
}

/** The text cut into plain and highlighted pieces, for rendering with <mark>. */
export function segments(text: string, matches: readonly string[]): Segment[] {
  const out: Segment[] = []
  let at = 0
  for (const [start, end] of matchRanges(text, matches)) {
    if (start > at) out.push({ text: text.slice(at, start), hit: false })
    out.push({ text: text.slice(start, end), hit: true })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at), hit: false })
  return out
}
