import { findFollowUpPhrase, parseFollowUpPhrase, type PhraseOptions } from '../followups/phrase'

/**
 * Reads what was typed into quick capture: the first line is the title, further lines the body,
 * `#tag` words become tags, and a follow-up in plain words ("fri 10am", "내일 오후 3시") at the end of the
 * title line — or alone on the last line — becomes the follow-up. Pure, so the preview the user sees
 * and what core saves come from the same reading.
 */
export interface CaptureReading {
  title: string
  body: string
  tags: string[]
  followUp: { dueAt: Date; phrase: string } | null
}

export interface CaptureOptions extends PhraseOptions {
  /** The user removed the recognised follow-up: its words stay in the text as typed. */
  ignoreFollowUp?: boolean
}

/**
 * A tag starts with a letter of any script (so "#견적" is a tag) and runs to the next space or
 * punctuation that cannot be in a tag; "#1" and "C#" stay text, because numbers and suffixes are not tags.
 */
const TAG = /(^|\s)#([\p{L}][\p{L}\p{N}_\-/.]*)/gu
const MAX_TAGS = 100
const MAX_TAG_LENGTH = 64
const MAX_TITLE = 500

export function extractTags(text: string): string[] {
  const seen = new Map<string, string>()
  for (const match of text.matchAll(TAG)) {
    // A trailing dot or slash is sentence punctuation, not part of the tag.
    const tag = match[2]!.replace(/[./]+$/, '').slice(0, MAX_TAG_LENGTH)
    const key = tag.toLocaleLowerCase()
    if (tag && !seen.has(key)) seen.set(key, tag)
  }
  return [...seen.values()].slice(0, MAX_TAGS)
}

const withoutTags = (line: string) =>
  line
    .replace(TAG, (_m, lead: string) => lead)
    .replace(/\s+/g, ' ')
    .trim()

export function parseCapture(text: string, options: CaptureOptions): CaptureReading {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  // Blank lines before the first words do not make an empty title.
  while (lines.length > 1 && lines[0]!.trim() === '') lines.shift()
  const tags = extractTags(text)
  let title = withoutTags(lines[0] ?? '')
  const bodyLines = lines.slice(1)
  let followUp: CaptureReading['followUp'] = null

  if (!options.ignoreFollowUp) {
    const found = title ? findFollowUpPhrase(title, options) : null
    if (found) {
      title = found.title
      followUp = { dueAt: found.dueAt, phrase: found.phrase }
    } else {
      // "Quote for Kim\nsend by Friday\n내일 오후 3시": a last line that is wholly a time is the follow-up.
      const last = lastNonEmpty(bodyLines)
      const phrase = last === -1 ? '' : withoutTags(bodyLines[last]!)
      const read = phrase ? parseFollowUpPhrase(phrase, options) : null
      if (read?.ok) {
        followUp = { dueAt: read.dueAt, phrase }
        bodyLines.splice(last, 1)
      }
    }
  }
  return {
    title: title.slice(0, MAX_TITLE),
    body: trimBlankEdges(bodyLines).join('\n'),
    tags,
    followUp,
  }
}

function lastNonEmpty(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.trim()) return i
  return -1
}

function trimBlankEdges(lines: string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && !lines[start]!.trim()) start++
  while (end > start && !lines[end - 1]!.trim()) end--
  return lines.slice(start, end).map((l) => l.trimEnd())
}
