import { ATTACHMENT_SCHEME } from '../shared/domain/attachment'

/**
 * Where our renderer lives: the built renderer folder served as app://tickler/ (renderer-files.ts) or,
 * during `electron-vite dev`, the Vite dev server. IPC, navigation and permission checks all compare
 * against this one value.
 */
export type RendererLocation = { kind: 'app'; url: string } | { kind: 'dev'; url: string }

function parse(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** True when `candidate` is our renderer page; hash and query (client-side routing) do not matter. */
export function isRendererUrl(candidate: string, renderer: RendererLocation): boolean {
  const got = parse(candidate)
  const want = parse(renderer.url)
  if (!got || !want) return false
  if (renderer.kind === 'dev') return got.origin === want.origin && got.protocol.startsWith('http')
  // Only the page itself: another file of the folder (a stray HTML asset) is not our renderer.
  return got.protocol === want.protocol && got.host === want.host && got.pathname === want.pathname
}

/**
 * The renderer's Content-Security-Policy. Styles allow 'unsafe-inline' because the editor and React set
 * style attributes; scripts never do in a build. In dev, Vite's React refresh preamble is an inline script
 * and hot reload needs a websocket back to the dev server.
 */
export function buildCsp(renderer: RendererLocation): string {
  const dev = renderer.kind === 'dev' ? parse(renderer.url) : undefined
  const devSocket = dev ? ` ws://${dev.host}` : ''
  const directives = [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    // Attachments come only through their own protocol, which refuses anything outside the library folder.
    `img-src 'self' data: blob: ${ATTACHMENT_SCHEME}:`,
    "font-src 'self' data:",
    `connect-src 'self'${devSocket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ]
  return directives.join('; ')
}

/**
 * Web permissions (camera, geolocation, notifications from the page, ...) are refused: the app's
 * notifications come from main. Only a plain clipboard write from our own page is allowed, for
 * "copy link"-style buttons.
 */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  renderer: RendererLocation,
): boolean {
  return permission === 'clipboard-sanitized-write' && isRendererUrl(requestingUrl, renderer)
}
