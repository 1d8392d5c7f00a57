/** The only schemes a note's link may carry: the web and e-mail. Everything else (javascript:, file:, data:…) is refused. */
const ALLOWED = new Set(['http:', 'https:', 'mailto:'])

// Browsers ignore ASCII tabs/newlines and leading control characters in a URL, so "java\tscript:" must be
// judged as "javascript:" — strip them before parsing, exactly as the URL parser will when the link is opened.
// eslint-disable-next-line no-control-regex
const IGNORED = /[\u0000-\u0020\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g

/** True only for an absolute http(s) or mailto URL. Relative links are refused: a note has no base URL. */
export function isAllowedLink(href: unknown): href is string {
  if (typeof href !== 'string') return false
  const cleaned = href.replace(IGNORED, '')
  if (!cleaned || cleaned.length > 4096) return false
  let url: URL
  try {
    url = new URL(cleaned)
  } catch {
    return false
  }
  if (!ALLOWED.has(url.protocol)) return false
  return url.protocol === 'mailto:' ? url.pathname.length > 0 : url.hostname.length > 0
}

export type LinkInput = { ok: true; href: string } | { ok: false }

/**
 * What the link form makes of typed text: "example.com" becomes https://example.com and "kim@example.com"
 * a mailto: link, the way people type them; anything that is still not an allowed link is refused.
 */
export function normalizeLinkInput(raw: string): LinkInput {
  const text = raw.trim()
  if (!text) return { ok: false }
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text)
  let candidate = text
  if (!hasScheme) {
    if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(text)) candidate = `mailto:${text}`
    else if (/^[^\s/]+\.[^\s/]+/.test(text) && !text.startsWith('/')) candidate = `https://${text}`
  }
  return isAllowedLink(candidate) ? { ok: true, href: candidate } : { ok: false }
}
