import { z } from 'zod'
import { method } from './contract-method'
import { ATTACHMENT_FILE, MAX_ATTACHMENT_BASE64, MAX_ATTACHMENT_LABEL } from './domain/attachment'

export const AttachmentFileName = z.string().regex(ATTACHMENT_FILE, 'is not an attachment name')

export const AttachmentRefSchema = z.object({
  file: AttachmentFileName,
  name: z.string().max(255),
  size: z.number().int().nonnegative(),
  mime: z.string().max(127),
})

/** Attachments: bytes go in as base64 (capped at the size limit), and come back out only by URL. */
export const attachmentContract = {
  'attachments.add': method(
    z.object({
      name: z.string().min(1).max(255),
      mime: z.string().max(127),
      data: z
        .string()
        .max(MAX_ATTACHMENT_BASE64, `the file is larger than ${MAX_ATTACHMENT_LABEL}, the attachment limit`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    }),
    AttachmentRefSchema,
  ),
  /** Saves a web image (pasted with its address only) into the library; the note then shows its own copy. */
  'attachments.fetch': method(
    z.object({
      url: z
        .string()
        .max(4096)
        .regex(/^https?:\/\//i, 'must be an http or https address'),
    }),
    AttachmentRefSchema,
  ),
  /** Where the renderer loads attachments from: one base in each host, so the page builds one URL form. */
  'attachments.info': method(z.object({}), z.object({ urlBase: z.string(), maxBytes: z.number().int() })),
  /**
   * Opens a stored document or media file with the OS's default app (Electron; the preview answers
   * opened: false). Any other type is `blocked`: never opened, only shown in its folder where the host can.
   */
  'attachments.open': method(
    z.object({ file: AttachmentFileName }),
    z.object({ opened: z.boolean(), blocked: z.boolean(), shownInFolder: z.boolean() }),
  ),
} as const
