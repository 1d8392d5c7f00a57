import type { DocNodeT } from '../model'

/**
 * The largest file a note can hold. Stated in the UI and the README; the renderer checks it before
 * reading a file and core checks it again on the decoded bytes, so a hostile caller cannot get past it.
 */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
export const MAX_ATTACHMENT_LABEL = '50 MB'

/** base64 grows bytes by 4/3; the contract caps the string at exactly what MAX_ATTACHMENT_BYTES encodes to. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4

/** The custom protocol Electron serves attachments through; the preview maps the same names under /attachments/. */
export const ATTACHMENT_SCHEME = 'tickler-attachment'

/** A stored attachment's file name: its SHA-256 in lower-case hex and a short lower-case extension. */
export const ATTACHMENT_FILE = /^[0-9a-f]{64}\.[a-z0-9]{1,10}$/

/**
 * Stored extensions the OS may open with their default app: documents, pictures, sound and video. The
 * OS picks the program by the extension, whatever type a note or a file claims, so anything else
 * (.exe, .js, .html, .svg, macro-enabled Office files…) could run code and is only shown in its folder.
 */
const OPENABLE_EXTENSIONS = new Set(
  (
    'pdf txt md csv rtf doc docx xls xlsx ppt pptx odt ods odp pages numbers key epub ' +
    'png jpg gif webp avif bmp heic heif tif tiff ' +
    'mp3 m4a aac wav ogg oga opus flac mp4 m4v mov webm mkv avi'
  ).split(' '),
)

/** True when a stored attachment (`<hash>.<ext>`) may be handed to the OS to open. */
export const isOpenableFile = (file: string): boolean =>
  OPENABLE_EXTENSIONS.has(file.slice(file.lastIndexOf('.') + 1).toLowerCase())

/** The TipTap node that references an attachment from a note's document. */
export const ATTACHMENT_NODE = 'attachment'

export interface AttachmentRef {
  /** `<sha256>.<ext>`: the only thing the document needs to find the bytes again. */
  file: string
  /** The name the user gave the file, shown on its chip and used when exporting. */
  name: string
  size: number
  mime: string
}

/**
 * Raster formats a browser draws safely inline. SVG is deliberately absent: it is a document that can
 * carry script, so it is kept as a file chip and opened by the OS instead of rendered in the app.
 */
const INLINE_IMAGE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
])

export const isInlineImage = (mime: string): boolean => INLINE_IMAGE.has(mime.toLowerCase())

const EXT_BY_MIME: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/bmp': 'bmp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
}

const MIME_BY_EXT: Record<string, string> = {
  ...Object.fromEntries(Object.entries(EXT_BY_MIME).map(([mime, ext]) => [ext, mime])),
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  zip: 'application/zip',
}

/** The stored extension: from the file's own name when it has a plain one, else from its type, else "bin". */
export function extensionFor(name: string, mime: string): string {
  const fromName = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase()
  if (fromName) return fromName === 'jpeg' ? 'jpg' : fromName
  return EXT_BY_MIME[mime.toLowerCase()] ?? 'bin'
}

/** The type attachments are served with; never guessed from content (nosniff is set too). */
export function mimeForExtension(ext: string): string {
  return MIME_BY_EXT[ext.toLowerCase()] ?? 'application/octet-stream'
}

/** "2.4 MB", "812 KB", "15 B": sizes on file chips. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`
  const units = ['KB', 'MB', 'GB']
  let value = size / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`
}

/** Reads an attachment node's attributes, or undefined when they do not name a stored file. */
export function attachmentOf(node: DocNodeT): AttachmentRef | undefined {
  if (node.type !== ATTACHMENT_NODE) return undefined
  const attrs = node.attrs ?? {}
  const file = typeof attrs.file === 'string' ? attrs.file : ''
  if (!ATTACHMENT_FILE.test(file)) return undefined
  return {
    file,
    name: typeof attrs.name === 'string' && attrs.name ? attrs.name : file,
    size: typeof attrs.size === 'number' ? attrs.size : 0,
    mime: typeof attrs.mime === 'string' ? attrs.mime : mimeForExtension(file.split('.')[1] ?? ''),
  }
}

export const attachmentNode = (ref: AttachmentRef): DocNodeT => ({ type: ATTACHMENT_NODE, attrs: { ...ref } })

/** Every attachment a document references, by file name (nested lists, tables and quotes included). */
export function attachmentsIn(
  nodes: DocNodeT[] | undefined,
  found: Map<string, AttachmentRef> = new Map(),
): Map<string, AttachmentRef> {
  for (const node of nodes ?? []) {
    const ref = attachmentOf(node)
    if (ref) found.set(ref.file, ref)
    attachmentsIn(node.content, found)
  }
  return found
}
