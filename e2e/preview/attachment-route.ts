import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { attachmentHeaders, lookupAttachment } from '../../electron/core/attachments/protocol'
import { AttachmentStore } from '../../electron/core/attachments/store'

export const ATTACHMENT_PREFIX = '/attachments/'

/**
 * The preview's stand-in for Electron's tickler-attachment: protocol. It needs no token (an <img> cannot
 * send one) but the server has already checked the Host header, and it uses the same lookup as Electron's
 * protocol handler, so it refuses exactly what the app refuses.
 */
export function createAttachmentRoute(dataDir: string) {
  const store = new AttachmentStore(dataDir)
  return async (req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> => {
    // The raw path, not URL's normalised pathname, so "/attachments/../x" is seen (and refused) as written.
    const found = await lookupAttachment(store, rawPath.slice(ATTACHMENT_PREFIX.length).split('?')[0] ?? '')
    if (found.status !== 200) {
      res.statusCode = found.status
      return void res.end(`${found.message}\n`)
    }
    const { size } = await stat(found.path)
    for (const [name, value] of Object.entries(attachmentHeaders(found.mime, size)))
      res.setHeader(name, value)
    res.statusCode = 200
    if (req.method === 'HEAD') return void res.end()
    await new Promise<void>((resolve, reject) => {
      createReadStream(found.path).on('error', reject).on('end', resolve).pipe(res)
    })
  }
}
