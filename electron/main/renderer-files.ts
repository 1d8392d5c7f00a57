import { extname, isAbsolute, relative, resolve } from 'node:path'

/**
 * The renderer is served from app://tickler/… instead of file://. A file: page may read, and under
 * `script-src 'self'` run, any file on the disk; an app: page has one real origin, and only what this
 * lookup hands out exists under it: the files of the built renderer folder, nothing beside or above it.
 */
export const RENDERER_SCHEME = 'app'
export const RENDERER_HOST = 'tickler'
export const RENDERER_ORIGIN = `${RENDERER_SCHEME}://${RENDERER_HOST}`
export const RENDERER_PAGE_URL = `${RENDERER_ORIGIN}/index.html`

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export type RendererLookup = { status: 200; path: string; type: string } | { status: 400 | 403; message: string }

/** Which file of `rendererDir` an app: request names, or why it names none. */
export function lookupRendererFile(rendererDir: string, requestUrl: string): RendererLookup {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { status: 400, message: 'Malformed address.' }
  }
  if (url.protocol !== `${RENDERER_SCHEME}:` || url.host !== RENDERER_HOST)
    return { status: 403, message: 'Not an address of this app.' }
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return { status: 400, message: 'Malformed address.' }
  }
  // Decoded "..", "\" (a separator on Windows) and NUL would each name something the URL did not show.
  if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..'))
    return { status: 403, message: 'Outside the app.' }
  const root = resolve(rendererDir)
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`)
  const inside = relative(root, file)
  if (!inside || inside.startsWith('..') || isAbsolute(inside)) return { status: 403, message: 'Outside the app.' }
  return { status: 200, path: file, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' }
}
