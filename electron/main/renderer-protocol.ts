import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { ATTACHMENT_SCHEME_PRIVILEGES } from './attachment-protocol'
import { lookupRendererFile, RENDERER_SCHEME } from './renderer-files'

/**
 * Must run once, before app 'ready' (Electron takes one list). The renderer's scheme is standard and
 * secure, so its page has a real origin that 'self' in the CSP means, and may use fetch and code caching.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: RENDERER_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ATTACHMENT_SCHEME_PRIVILEGES,
  ])
}

/**
 * Serves the built renderer folder under app://tickler/. Only files inside it answer; the page gets the
 * app's CSP on the response itself, whatever the session's header hook sees for custom protocols.
 */
export function handleRendererProtocol(rendererDir: string, csp: string): void {
  protocol.handle(RENDERER_SCHEME, async (request) => {
    const found = lookupRendererFile(rendererDir, request.url)
    if (found.status !== 200) return new Response(found.message, { status: found.status })
    const bytes = await readFile(found.path).catch(() => null)
    if (!bytes) return new Response('Not found.', { status: 404 })
    const headers: Record<string, string> = { 'Content-Type': found.type, 'X-Content-Type-Options': 'nosniff' }
    if (found.type.startsWith('text/html')) headers['Content-Security-Policy'] = csp
    return new Response(bytes, { status: 200, headers })
  })
}
