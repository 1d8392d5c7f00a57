/**
 * Schemes the OS browser or mail client may be asked to open. Anything else (file:, javascript:, data:,
 * custom protocol handlers registered by other apps) could run code or reveal local files, so it is refused.
 */
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

export function isSafeExternalUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return false
  // "http:foo" parses with an empty host; a web URL without a host is malformed, not a link.
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return false
  // Credentials in a link are a classic way to disguise the real host ("https://bank.com@evil.example").
  if (parsed.username !== '' || parsed.password !== '') return false
  return true
}
