import libmime from 'libmime'
import { parseAddressHeader } from 'mailparser'
import type { MailAddress } from '../../shared/mail-ref'

/**
 * A message's header block read into what tracking needs. Header-only, and cheap (no MIME parser run
 * per message), because every message in Sent and the Inbox passes through here; bodies are only ever
 * read for the few messages Tickler tracks or files.
 */
export interface MailHeaders {
  messageId: string | null
  inReplyTo: string[]
  references: string[]
  subject: string
  from: MailAddress | null
  to: MailAddress[]
  cc: MailAddress[]
  bcc: MailAddress[]
  /** Delivered-To, X-Original-To and Envelope-To: where a Bcc copy shows the tag address it came to. */
  deliveredTo: string[]
  date: Date | null
  /** Raw 8-bit header bytes that were not UTF-8 and were read in this charset instead. */
  decodedAs: string | null
  /** False when the block had no header line at all: not a mail message. */
  hasHeaders: boolean
}

const MAX_HEADER_BYTES = 256 * 1024
const MAX_IDS = 200

/** Charset names mail programs write that the WHATWG decoder knows by another label. */
const CHARSET_ALIASES: Record<string, string> = { cp949: 'euc-kr', 'ks_c_5601': 'euc-kr', 'x-windows-949': 'euc-kr' }

function decoderFor(charset: string | null): TextDecoder {
  const label = charset ? (CHARSET_ALIASES[charset.toLowerCase()] ?? charset) : 'windows-1252'
  try {
    return new TextDecoder(label)
  } catch {
    return new TextDecoder('windows-1252')
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The charset a message declares for itself, read from its Content-Type before anything is decoded. */
function declaredCharset(latin1Block: string): string | null {
  const match = /^content-type:[^\n]*?(?:\n[ \t][^\n]*?)*charset\s*=\s*"?([A-Za-z0-9_.:-]+)/im.exec(latin1Block)
  return match ? match[1]! : null
}

/** Header lines with their folding undone, as [lower-case name, raw value bytes]. */
function headerLines(block: Buffer): [string, Buffer][] {
  const out: [string, Buffer][] = []
  let start = 0
  const lines: Buffer[] = []
  for (let i = 0; i <= block.length; i++) {
    if (i === block.length || block[i] === 0x0a) {
      let end = i
      if (end > start && block[end - 1] === 0x0d) end--
      lines.push(block.subarray(start, end))
      start = i + 1
    }
  }
  let current: Buffer[] | null = null
  const flush = () => {
    if (!current) return
    const joined = Buffer.concat(current)
    const colon = joined.indexOf(0x3a)
    if (colon > 0) {
      const name = joined.subarray(0, colon).toString('latin1').trim().toLowerCase()
      if (/^[\x21-\x39\x3b-\x7e]+$/.test(name)) out.push([name, joined.subarray(colon + 1)])
    }
    current = null
  }
  for (const line of lines) {
    if (line.length === 0) break // the blank line that ends the header block
    if ((line[0] === 0x20 || line[0] === 0x09) && current) current.push(line)
    else {
      flush()
      current = [line]
    }
  }
  flush()
  return out
}

/** Message ids from In-Reply-To or References: the <…> tokens, or bare a@b tokens from careless clients. */
export function messageIds(value: string): string[] {
  const bracketed = value.match(/<[^<>\s]{1,990}>/g)
  if (bracketed) return [...new Set(bracketed)].slice(-MAX_IDS)
  return [...new Set(value.split(/\s+/).filter((t) => /^[^<>\s]+@[^<>\s]+$/.test(t)))]
    .map((t) => `<${t}>`)
    .slice(-MAX_IDS)
}

function addresses(values: string[]): MailAddress[] {
  if (values.length === 0) return []
  const parsed = parseAddressHeader(values)
  const out: MailAddress[] = []
  for (const a of parsed.value) {
    const members = a.group ?? [a]
    for (const m of members) {
      if (m.address) out.push({ name: (m.name ?? '').slice(0, 300), address: m.address.slice(0, 320) })
    }
  }
  return out.slice(0, 100)
}

export function parseHeaders(raw: Buffer): MailHeaders {
  const block = raw.subarray(0, MAX_HEADER_BYTES)
  const lines = headerLines(block)
  const charset = declaredCharset(block.toString('latin1'))
  let decodedAs: string | null = null
  const fields = new Map<string, string[]>()
  for (const [name, bytes] of lines) {
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      const decoder = decoderFor(charset)
      decodedAs = decoder.encoding
      text = decoder.decode(bytes)
    }
    const list = fields.get(name) ?? []
    list.push(text.replace(/\r?\n/g, '').trim())
    fields.set(name, list)
  }
  const one = (name: string) => fields.get(name)?.[0] ?? ''
  const all = (...names: string[]) => names.flatMap((n) => fields.get(n) ?? [])
  const idList = messageIds(one('message-id'))
  const date = one('date') ? new Date(one('date')) : null
  let subject = one('subject')
  try {
    subject = libmime.decodeWords(subject)
  } catch {
    // A broken encoded word stays as it was written.
  }
  return {
    messageId: idList[0] ?? null,
    inReplyTo: messageIds(all('in-reply-to').join(' ')),
    references: messageIds(all('references').join(' ')),
    subject: subject.slice(0, 1000),
    from: addresses(all('from'))[0] ?? null,
    to: addresses(all('to')),
    cc: addresses(all('cc')),
    bcc: addresses(all('bcc')),
    deliveredTo: addresses(all('delivered-to', 'x-original-to', 'envelope-to')).map((a) => a.address),
    date: date && !Number.isNaN(date.getTime()) ? date : null,
    decodedAs,
    hasHeaders: lines.length > 0,
  }
}

/** The header fields worth fetching for every message (BODY.PEEK[HEADER.FIELDS (…)]). */
export const HEADER_FIELDS = [
  'message-id',
  'in-reply-to',
  'references',
  'subject',
  'from',
  'to',
  'cc',
  'bcc',
  'date',
  'content-type',
  'delivered-to',
  'x-original-to',
  'envelope-to',
]
