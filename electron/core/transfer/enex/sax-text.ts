import type { SaxesParser } from 'saxes'

/**
 * saxes gathers an element's text in one string and hands it over only at the next tag, so a 50 MB
 * base64 <data> would be held whole (as would a huge CDATA). These helpers read and empty that buffer
 * between writes. They reach into two private fields, checked at run time: if a saxes update renames
 * them, draining simply stops (import stays correct, memory is then bounded by the attachment limit
 * that applies before the text is decoded).
 */
interface SaxesInternals {
  text?: unknown
  state?: unknown
}

/** saxes' S_TEXT state: plain character data, where the buffer holds nothing but element text. */
const S_TEXT = 13
/** saxes' S_CDATA state: inside <![CDATA[ ... ]]>. */
const S_CDATA = 20

const internals = (parser: SaxesParser): SaxesInternals => parser as unknown as SaxesInternals

/** Takes the element text gathered so far (only while the parser is in plain text), leaving the buffer empty. */
export function drainText(parser: SaxesParser): string {
  const p = internals(parser)
  if (p.state !== S_TEXT || typeof p.text !== 'string' || p.text.length === 0) return ''
  const text = p.text
  p.text = ''
  return text
}

/** How many characters of CDATA are buffered right now, so an oversized note can be stopped early. */
export function pendingCdataLength(parser: SaxesParser): number {
  const p = internals(parser)
  return p.state === S_CDATA && typeof p.text === 'string' ? p.text.length : 0
}

/** Throws away buffered CDATA of a note already refused for its size. */
export function dropCdata(parser: SaxesParser): void {
  const p = internals(parser)
  if (p.state === S_CDATA && typeof p.text === 'string') p.text = ''
}
