/**
 * Where an image in a note may come from. One list, checked when HTML is pasted, when a document is
 * rendered and when the image form is submitted. The attachments feature adds its own
 * `tickler-attachment:` scheme by calling `allowImageScheme` once at start-up, rather than editing the editor.
 */
const schemes = new Set(['http:', 'https:'])

// Raster formats only: an SVG data: URL is inert inside <img>, but it is also a way to smuggle markup
// into exported HTML, and nobody pastes one on purpose.
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif|bmp);base64,[a-z0-9+/]+=*$/i

/** Lets one more URL scheme through, e.g. `allowImageScheme('tickler-attachment:')`. */
export function allowImageScheme(scheme: string): void {
  if (!/^[a-z][a-z0-9+.-]*:$/.test(scheme)) throw new Error(`Not a URL scheme: ${scheme}`)
  if (scheme === 'javascript:' || scheme === 'data:' || scheme === 'file:') {
    throw new Error(`${scheme} images are never allowed`)
  }
  schemes.add(scheme)
}

export function isAllowedImageSrc(src: unknown): src is string {
  if (typeof src !== 'string' || !src || src.length > 20_000_000) return false
  if (/^data:/i.test(src)) return DATA_IMAGE.test(src.replace(/\s/g, ''))
  let url: URL
  try {
    url = new URL(src)
  } catch {
    return false
  }
  return schemes.has(url.protocol)
}
