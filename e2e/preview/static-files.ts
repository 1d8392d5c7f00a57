import { readFile, realpath, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

export const SHIM_PATH = '/preview-shim.js'

/** Puts the shim before the app's first script so window.tickler exists when the app starts. */
export function injectShim(html: string): string {
  const tag = `<script src="${SHIM_PATH}"></script>`
  const firstScript = html.search(/<script\b/i)
  if (firstScript >= 0) return html.slice(0, firstScript) + tag + '\n    ' + html.slice(firstScript)
  return html.replace(/<\/head>/i, `${tag}\n</head>`)
}

export type StaticLookup = { file: string } | 'missing' | 'refused'

const inside = (base: string, path: string) => {
  const rel = relative(base, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'))
}

/**
 * Maps a URL path to a file strictly inside root. Checked both before and after resolving symlinks,
 * so neither "..", encoded separators, NUL bytes nor a link can reach outside; such paths are
 * 'refused' rather than 'missing' so they never fall back to the app shell.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return 'refused'
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return 'refused'
  const candidate = resolve(root, '.' + (decoded.endsWith('/') ? decoded + 'index.html' : decoded))
  if (!inside(root, candidate)) return 'refused'
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!inside(realRoot, realFile)) return 'refused'
    return (await stat(realFile)).isFile() ? { file: realFile } : 'missing'
  } catch {
    return 'missing'
  }
}

export async function sendFile(res: ServerResponse, file: string, head: boolean): Promise<void> {
  const isHtml = extname(file) === '.html'
  let body: Buffer | string = await readFile(file)
  if (isHtml) body = injectShim(body.toString('utf8'))
  res.statusCode = 200
  res.setHeader('Content-Type', contentTypes[extname(file)] ?? 'application/octet-stream')
  res.setHeader('Cache-Control', 'no-cache')
  res.end(head ? undefined : body)
}

export function indexFile(root: string): string {
  return join(root, 'index.html')
}
