import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Envelope, EventName } from '../../electron/shared/contract'
import { dispatch, type Handlers } from '../../electron/shared/rpc'
import { ATTACHMENT_PREFIX, createAttachmentRoute } from './attachment-route'
import { defaultRendererDir } from './build-renderer'
import { bundleShim } from './bundle-shim'
import { baseHeaders, cspFromHtml, fallbackCsp, isAllowedHost, requestToken, tokenMatches } from './security'
import { indexFile, resolveStatic, sendFile, SHIM_PATH } from './static-files'
import { handleTestRoute, type PreviewTesting } from './test-clock'

/** What the server needs from the app side: the real core in normal runs, fakes in unit tests. */
export interface PreviewBackend {
  handlers: Handlers
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void
  close(): Promise<void>
  /** Test-only clock and notification record (the real core backend has them; fakes may not). */
  testing?: PreviewTesting
}

export interface PreviewServerOptions {
  dataDir: string
  /** 0 picks any free port. */
  port?: number
  rendererDir?: string
  backend?: PreviewBackend
}

export interface PreviewServer {
  url: string
  port: number
  token: string
  backend: PreviewBackend
  close(): Promise<void>
}

// Large enough for one attachment at the 50 MB limit or an import batch, sent as base64 inside JSON.
const MAX_BODY = 160 * 1024 * 1024

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify(envelope))
}

const fail = (code: Extract<Envelope, { ok: false }>['error']['code'], message: string): Envelope => ({
  ok: false,
  error: { code, message },
})

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        resolve(undefined)
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

async function openCoreBackend(dataDir: string): Promise<PreviewBackend> {
  // Loaded lazily so the server (and its unit tests with fake backends) does not pull in core eagerly.
  const { openCoreBackend: open } = await import('./core-backend')
  return open(dataDir)
}

export async function createPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const rendererDir = options.rendererDir ?? defaultRendererDir
  // Bundled while the library opens, so the first page load does not wait for esbuild; a failure
  // surfaces as a 500 on /preview-shim.js rather than an unhandled rejection here.
  bundleShim().catch(() => undefined)
  const backend = options.backend ?? (await openCoreBackend(options.dataDir))
  const token = randomBytes(24).toString('base64url')
  const index = indexFile(rendererDir)
  const csp = (existsSync(index) && cspFromHtml(readFileSync(index, 'utf8'))) || fallbackCsp
  const streams = new Set<ServerResponse>()
  const attachmentRoute = createAttachmentRoute(options.dataDir)
  let port = 0

  const unsubscribe = backend.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const stream of streams) stream.write(frame)
  })

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!tokenMatches(token, requestToken(req, url))) {
      return sendEnvelope(res, 401, fail('FORBIDDEN', 'Missing or wrong preview token.'))
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST')
      return sendEnvelope(res, 405, fail('BAD_INPUT', 'API methods are called with POST.'))
    }
    let method: string
    try {
      method = decodeURIComponent(url.pathname.slice('/api/'.length))
    } catch {
      method = url.pathname
    }
    const body = await readBody(req)
    if (body === undefined) return sendEnvelope(res, 413, fail('BAD_INPUT', 'The request body is too large.'))
    let input: unknown
    try {
      input = body.trim() === '' ? {} : JSON.parse(body)
    } catch (error) {
      return sendEnvelope(
        res,
        400,
        fail('BAD_INPUT', `The request body is not valid JSON: ${(error as Error).message}`),
      )
    }
    sendEnvelope(res, 200, await dispatch(backend.handlers, method, input))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    baseHeaders(res, csp)
    if (!isAllowedHost(req.headers.host, port)) {
      res.statusCode = 403
      return void res.end('Forbidden host\n')
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url)
    if (url.pathname.startsWith('/test/')) {
      if (!tokenMatches(token, requestToken(req, url))) {
        return sendEnvelope(res, 401, fail('FORBIDDEN', 'Missing or wrong preview token.'))
      }
      return void (await handleTestRoute(backend.testing, req, res, url, () => readBody(req)))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.statusCode = 405
      res.setHeader('Allow', 'GET, HEAD')
      return void res.end()
    }
    if (req.url?.startsWith(ATTACHMENT_PREFIX)) return attachmentRoute(req, res, req.url)
    if (url.pathname === SHIM_PATH) {
      res.setHeader('Content-Type', 'text/javascript; charset=utf-8')
      res.setHeader('Cache-Control', 'no-cache')
      return void res.end(req.method === 'HEAD' ? undefined : await bundleShim())
    }
    const found = await resolveStatic(rendererDir, url.pathname)
    if (typeof found === 'object') return sendFile(res, found.file, req.method === 'HEAD')
    if (found === 'refused') {
      res.statusCode = 403
      return void res.end('Forbidden path\n')
    }
    // Client-side routes (no file extension) get the app shell; anything else is a real 404.
    if (!/\.[a-z0-9]+$/i.test(url.pathname) && existsSync(index))
      return sendFile(res, index, req.method === 'HEAD')
    res.statusCode = 404
    res.end('Not found\n')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendEnvelope(res, 500, fail('INTERNAL', String(error)))
      else res.destroy()
    })
  })
  const keepAlive = setInterval(() => {
    for (const stream of streams) stream.write(': ping\n\n')
  }, 15_000)
  keepAlive.unref()

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
    })
  } catch (error) {
    unsubscribe()
    await backend.close()
    throw error
  }
  port = (server.address() as AddressInfo).port

  let closing: Promise<void> | undefined
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    backend,
    close: () =>
      (closing ??= (async () => {
        clearInterval(keepAlive)
        unsubscribe()
        for (const stream of streams) stream.end()
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await backend.close()
      })()),
  }
}
