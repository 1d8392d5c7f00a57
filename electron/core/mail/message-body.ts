import type { ImapFlow, MessageStructureObject } from 'imapflow'
import { htmlToText, trimQuoted } from './message-text'

/**
 * The text a tracked message's note shows: only its text part is downloaded (a 30 MB attachment stays
 * on the server), capped, decoded to UTF-8 by imapflow, HTML turned into lines, quoted history cut.
 */
const MAX_TEXT_BYTES = 512 * 1024

export interface BodyText {
  text: string
  /** Said on the note when the text could not be read. */
  problem: string | null
}

function isAttachment(node: MessageStructureObject): boolean {
  return node.disposition === 'attachment' || Boolean(node.dispositionParameters?.filename)
}

/** The first text/plain part not sent as an attachment, else the first text/html one. */
export function textPart(root: MessageStructureObject): { part: string; html: boolean } | null {
  let html: { part: string; html: boolean } | null = null
  const walk = (node: MessageStructureObject, depth: number): { part: string; html: boolean } | null => {
    if (depth > 20) return null
    if (node.childNodes?.length) {
      for (const child of node.childNodes) {
        const found = walk(child, depth + 1)
        if (found) return found
      }
      return null
    }
    const type = node.type.toLowerCase()
    if (isAttachment(node)) return null
    const part = node.part ?? '1'
    if (type === 'text/plain') return { part, html: false }
    if (type === 'text/html' && !html) html = { part, html: true }
    return null
  }
  return walk(root, 0) ?? html
}

async function readStream(stream: NodeJS.ReadableStream, max: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk)
    if (size < max) chunks.push(buf.subarray(0, max - size))
    size += buf.length
  }
  return Buffer.concat(chunks).toString('utf8')
}

export async function readBodyText(client: ImapFlow, uid: number): Promise<BodyText> {
  try {
    const msg = await client.fetchOne(String(uid), { bodyStructure: true }, { uid: true })
    const found = msg && msg.bodyStructure ? textPart(msg.bodyStructure) : null
    if (!found) return { text: '', problem: null }
    const download = await client.download(String(uid), found.part, { uid: true, maxBytes: MAX_TEXT_BYTES })
    if (!download.content) return { text: '', problem: 'The message text could not be downloaded.' }
    const raw = await readStream(download.content, MAX_TEXT_BYTES)
    return { text: trimQuoted(found.html ? htmlToText(raw) : raw), problem: null }
  } catch (error) {
    // A lost connection fails the batch, so the message is read again after reconnecting.
    if (!client.usable) throw error
    return { text: '', problem: `The message text could not be read (${(error as Error).message}).` }
  }
}
