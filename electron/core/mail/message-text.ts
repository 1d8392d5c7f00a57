import { HTML_ENTITIES } from '../import/enex/html-entities'

/**
 * A message body as the text of a note: HTML turned into lines, and the quoted history a reply carries
 * (lines starting with ">", a blockquote, "On … wrote:", "-----Original Message-----", Outlook's
 * "From: … Sent: …" block, Korean "…님이 작성:") cut off, so the note holds what the user wrote.
 */

const MAX_TEXT = 100_000

const BASIC: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return BASIC[ref.toLowerCase()] ?? HTML_ENTITIES[ref] ?? whole
  })
}

const BLOCK = /^(p|div|br|li|tr|h[1-6]|table|ul|ol|pre|hr)$/

/** Text of an HTML body; what sits inside a blockquote comes out as "> " lines. */
export function htmlToText(html: string): string {
  const cleaned = html
    .slice(0, MAX_TEXT * 4)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
  let depth = 0
  let line = ''
  const lines: string[] = []
  const endLine = () => {
    lines.push((depth > 0 ? '> '.repeat(depth) : '') + line.replace(/[ \t\u00a0]+/g, ' ').trim())
    line = ''
  }
  for (const part of cleaned.split(/(<[^>]*>)/)) {
    const tag = /^<\s*(\/?)\s*([a-z0-9]+)/i.exec(part)
    if (!tag) {
      line += decodeEntities(part.replace(/\s+/g, ' '))
      continue
    }
    const name = tag[2]!.toLowerCase()
    const closing = tag[1] === '/'
    if (name === 'blockquote') {
      endLine()
      depth = Math.max(0, depth + (closing ? -1 : 1))
    } else if (BLOCK.test(name)) endLine()
  }
  endLine()
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()
}

const ATTRIBUTION = [
  /^On\b.{0,300}\bwrote:\s*$/i,
  /^-{2,}\s*(Original Message|Forwarded message|원본 메시지|전달된 메시지)\s*-{2,}/i,
  /^_{10,}\s*$/, // Outlook's rule above its "From: … Sent: …" block
  /님이 작성:\s*$/,
  /^20\d\d[.\-/년].{0,200}(작성|wrote):?\s*$/,
]
const HEADER_BLOCK = /^(From|보낸 사람|보낸사람)\s*:/i
const HEADER_FOLLOW = /^(Sent|Date|To|Subject|보낸 날짜|날짜|받는 사람|제목)\s*:/i

/**
 * Cuts the text where the quoted history of earlier messages starts; quoted lines between the user's
 * own (inline replies) are dropped and the user's lines kept.
 */
export function trimQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  let cut = lines.length
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!.trim()
    // "On Mon, 5 Jan 2026 at 09:00, Kim <kim@" + "example.com> wrote:" when a mail program wrapped it.
    const joined = i + 1 < lines.length ? `${l} ${lines[i + 1]!.trim()}` : l
    if (ATTRIBUTION.some((re) => re.test(l)) || (/^On\b/i.test(l) && ATTRIBUTION[0]!.test(joined))) {
      cut = i
      break
    }
    if (HEADER_BLOCK.test(l) && lines.slice(i + 1, i + 5).some((n) => HEADER_FOLLOW.test(n.trim()))) {
      cut = i
      break
    }
  }
  return lines
    .slice(0, cut)
    .filter((l) => !l.trim().startsWith('>'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .slice(0, MAX_TEXT)
}
