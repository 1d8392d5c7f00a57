import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * DNS rebinding defence: a page on evil.example that re-points its name at 127.0.0.1 still sends
 * "Host: evil.example", so only the loopback names with our exact port are served.
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Used when the built index.html carries no CSP of its own; mirrors the renderer's strict policy. */
export const fallbackCsp =
  "default-src 'self'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/** The CSP the renderer declares in its <meta>, so the header and the page never disagree. */
export function cspFromHtml(html: string): string | undefined {
  const meta = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0]
  return meta ? /content=(["'])(.*?)\1/i.exec(meta)?.[2] : undefined
}

export function baseHeaders(res: ServerResponse, csp: string): void {
  res.setHeader('Content-Security-Policy', csp)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  // The page URL carries the token; never leak it to another origin through Referer.
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

export function requestToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers['x-tickler-token']
  if (typeof header === 'string') return header
  return url.searchParams.get('token')
}
