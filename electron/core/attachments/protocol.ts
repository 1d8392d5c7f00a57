import { ATTACHMENT_SCHEME, mimeForExtension } from '../../shared/domain/attachment'
import type { AttachmentStore } from './store'

export type AttachmentLookup =
  { status: 200; path: string; mime: string } | { status: 400 | 403 | 404; message: string }

/**
 * Maps the path part of an attachment URL (`tickler-attachment://file/<name>` in Electron,
 * `/attachments/<name>` in the preview) to a stored file. Both hosts call this one function, so they
 * refuse exactly the same things: anything but a single hash-named segment, after one strict decode.
 */
export async function lookupAttachment(store: AttachmentStore, urlPath: string): Promise<AttachmentLookup> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return { status: 400, message: 'Malformed attachment address.' }
  }
  const name = decoded.startsWith('/') ? decoded.slice(1) : decoded
  const found = await store.resolve(name)
  if ('path' in found)
    return { status: 200, path: found.path, mime: mimeForExtension(name.split('.')[1] ?? '') }
  if (found.refused === 'missing') return { status: 404, message: 'No such attachment.' }
  return { status: 403, message: 'Not an attachment address.' }
}

/**
 * Headers every attachment response carries: no sniffing (a .txt never becomes HTML), and a sandbox CSP
 * so even a file opened directly by address cannot run script in the app's origin.
 */
export function attachmentHeaders(mime: string, size: number): Record<string, string> {
  return {
    'Content-Type': mime,
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    'Cache-Control': 'private, max-age=31536000, immutable',
  }
}

/** Electron's form of an attachment address; the host part is fixed so the path is the only variable. */
export const ELECTRON_ATTACHMENT_BASE = `${ATTACHMENT_SCHEME}://file/`

/** Lookup for a full tickler-attachment: URL as Electron's protocol handler receives it. */
export async function lookupAttachmentUrl(store: AttachmentStore, url: string): Promise<AttachmentLookup> {
  if (!url.startsWith(ELECTRON_ATTACHMENT_BASE)) return { status: 403, message: 'Not an attachment address.' }
  const path = url.slice(ELECTRON_ATTACHMENT_BASE.length).split(/[?#]/)[0] ?? ''
  return lookupAttachment(store, path)
}
