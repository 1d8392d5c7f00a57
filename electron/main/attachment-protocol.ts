import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { ATTACHMENT_SCHEME } from '../shared/domain/attachment'
import { attachmentHeaders, lookupAttachmentUrl } from '../core/attachments/protocol'
import { AttachmentStore } from '../core/attachments/store'

/**
 * "standard" gives the scheme real URL parsing (host + path), "secure" lets a CSP-protected page load
 * it, and fetch support lets the renderer read bytes for export. Registered with the renderer's scheme.
 */
export const ATTACHMENT_SCHEME_PRIVILEGES = {
  scheme: ATTACHMENT_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

/** Serves tickler-attachment://file/<sha256>.<ext> from the library; all refusals are decided in core. */
export function handleAttachmentProtocol(dataDir: string): void {
  const store = new AttachmentStore(dataDir)
  protocol.handle(ATTACHMENT_SCHEME, async (request) => {
    const found = await lookupAttachmentUrl(store, request.url)
    if (found.status !== 200) return new Response(found.message, { status: found.status })
    const bytes = await readFile(found.path)
    return new Response(bytes, { status: 200, headers: attachmentHeaders(found.mime, bytes.byteLength) })
  })
}
