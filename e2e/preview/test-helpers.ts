import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventName } from '../../electron/shared/contract'
import type { Handlers } from '../../electron/shared/rpc'
import type { PreviewBackend } from './preview-server'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** node:http rather than fetch, so tests can send any Host header and un-normalised paths. */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A renderer folder with a CSP'd index.html, plus a secret file beside (outside) it. */
export function makeRendererFixture(): { rendererDir: string; secretPath: string; dataDir: string } {
  const base = mkdtempSync(join(tmpdir(), 'tickler-preview-'))
  const rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(
    join(rendererDir, 'index.html'),
    `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; connect-src 'self'" />
<script type="module" crossorigin src="/assets/index.js"></script>
</head><body><div id="root"></div></body></html>`,
  )
  writeFileSync(join(rendererDir, 'assets/index.js'), 'console.log("app")')
  const secretPath = join(base, 'secret.txt')
  writeFileSync(secretPath, 'top secret')
  return { rendererDir, secretPath, dataDir: join(base, 'data') }
}

type Emit = (event: EventName, payload: unknown) => void

/** An in-memory backend: enough behaviour to observe what reached the handlers. */
export function fakeBackend(): PreviewBackend & { calls: string[]; emit: Emit; closed: boolean } {
  const listeners = new Set<Emit>()
  const calls: string[] = []
  const reject = (name: string) => () => {
    throw new Error(`${name} is not used by these tests`)
  }
  const handlers = {
    'app.info': () => ({ version: '0.0.0', dataDir: '/fake', platform: 'test', preview: true }),
    'notes.list': () => [],
    'notes.get': reject('notes.get'),
    'notes.create': reject('notes.create'),
    'notes.update': (input: { id: string }) => {
      calls.push(`notes.update:${input.id}`)
      throw new Error('not reached in tests')
    },
    'notebooks.list': () => [],
    'notebooks.create': reject('notebooks.create'),
    'shell.openExternal': () => ({ opened: false }),
  } as unknown as Handlers
  const backend = {
    handlers,
    calls,
    closed: false,
    emit: (event: EventName, payload: unknown) => listeners.forEach((listener) => listener(event, payload)),
    subscribe(listener: Emit) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async close() {
      backend.closed = true
    },
  }
  return backend
}
