import type { SaxesParser } from 'saxes'

/**
 * saxes never fetches a DTD and never expands an entity a document declares: "&lol9;" is reported as an
 * undefined entity and left as text, so neither "billion laughs" nor external entities (XXE) can do
 * anything. Files that declare entities are still refused outright, with a sentence saying why, because
 * Evernote never writes an internal subset and a file that carries one was made to attack a parser.
 */
export function refuseInternalSubset(doctype: string): string | null {
  if (!doctype.includes('[')) return null
  const declares = /<!ENTITY/i.test(doctype)
  return declares
    ? 'the file declares its own XML entities (<!ENTITY> in its DOCTYPE). Evernote never writes these, and they are how "billion laughs" and external-entity attacks work, so the file was refused'
    : 'the file carries a DOCTYPE internal subset, which Evernote never writes, so the file was refused'
}

/**
 * Faults worth reading past: a stray "&" or an HTML entity such as &nbsp; where XML expects &amp;.
 * Evernote itself writes these (unescaped ampersands in attributes), and the text around them is intact.
 */
export function isRecoverable(message: string): boolean {
  return /entity|character reference/i.test(message)
}

/** saxes prefixes "line:column: " to its messages; split it off so ours can say it in words. */
export function splitSaxesMessage(
  raw: string,
  parser: Pick<SaxesParser, 'line' | 'column'>,
): { line: number; column: number; message: string } {
  const m = /^(?:.*?:)?(\d+):(\d+): (.*)$/s.exec(raw)
  if (!m) return { line: parser.line, column: parser.column, message: raw }
  return { line: Number(m[1]), column: Number(m[2]) + 1, message: m[3]!.replace(/\.$/, '') }
}
