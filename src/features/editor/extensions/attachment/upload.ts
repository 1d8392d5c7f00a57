import type { AttachmentRef } from '../../../../../electron/shared/domain/attachment'
import type { TicklerApi } from '../../../../../electron/shared/contract'
import { readBase64 } from '../../../../lib/read-base64'
import { messageOf } from '../../../../ui/message-of'

/** The part of window.tickler attachments use; tests hand in a fake. */
export type AttachmentApi = Pick<TicklerApi, 'attachments'>

export type UploadOutcome =
  | { ok: true; ref: AttachmentRef }
  | { ok: false; file: File; reason: 'too-large' | 'failed'; message?: string }

/**
 * Stores each file, in order. A file over the limit is refused here, before its bytes are even read, and
 * reported; core refuses it again, so the limit holds for any caller. One failure never drops the others.
 */
export async function uploadFiles(
  api: AttachmentApi,
  files: File[],
  maxBytes: number,
): Promise<UploadOutcome[]> {
  const outcomes: UploadOutcome[] = []
  for (const file of files) {
    if (file.size > maxBytes) {
      outcomes.push({ ok: false, file, reason: 'too-large' })
      continue
    }
    try {
      const data = await readBase64(file)
      const ref = await api.attachments.add({ name: file.name || 'pasted', mime: file.type, data })
      outcomes.push({ ok: true, ref })
    } catch (error) {
      outcomes.push({
        ok: false,
        file,
        reason: 'failed',
        message: messageOf(error),
      })
    }
  }
  return outcomes
}

/**
 * Whether a paste should become attachments. Word and some browsers put a picture of the copied text on
 * the clipboard beside its HTML; when the HTML carries words, the words are what the user meant.
 */
export function shouldAttachPaste(data: Pick<DataTransfer, 'files' | 'getData'>): boolean {
  if (data.files.length === 0) return false
  const html = data.getData('text/html')
  if (!html) return true
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|\s/g, '')
  return text.length === 0
}

let urlBase: Promise<string> | undefined

/** The host's attachment URL prefix, asked once: tickler-attachment://file/ in Electron, /attachments/ in the preview. */
export function attachmentUrlBase(api: AttachmentApi): Promise<string> {
  urlBase ??= api.attachments.info({}).then((info) => info.urlBase)
  urlBase.catch(() => (urlBase = undefined))
  return urlBase
}
