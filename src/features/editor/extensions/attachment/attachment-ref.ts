import type { AttachmentRef } from '../../../../../electron/shared/domain/attachment'

/*
 * The renderer may only `import type` from electron/shared (no contract code ships in the page), so the
 * few attachment facts the editor needs are restated here. Core re-checks everything that matters
 * (size limit, names) on its side; these only decide how a node is drawn.
 */

export const ATTACHMENT_NODE = 'attachment'
const FILE = /^[0-9a-f]{64}\.[a-z0-9]{1,10}$/

/** Same list as electron/shared/attachment.ts: raster formats only, never SVG. */
const INLINE_IMAGE = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
])
export const isInlineImage = (mime: string): boolean => INLINE_IMAGE.has(mime.toLowerCase())

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

/** An attachment node's attributes, or undefined when they do not name a stored file. */
export function refOf(attrs: Record<string, unknown>): AttachmentRef | undefined {
  const file = typeof attrs.file === 'string' ? attrs.file : ''
  if (!FILE.test(file)) return undefined
  return {
    file,
    name: typeof attrs.name === 'string' && attrs.name ? attrs.name : file,
    size: typeof attrs.size === 'number' ? attrs.size : 0,
    mime: typeof attrs.mime === 'string' ? attrs.mime : '',
  }
}
