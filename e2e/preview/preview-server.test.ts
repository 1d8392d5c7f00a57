import { get } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPreviewServer, type PreviewServer } from './preview-server'
import { fakeBackend, makeRendererFixture, rawRequest } from './test-helpers'

let server: PreviewServer
let backend: ReturnType<typeof fakeBackend>

beforeEach(async () => {
  const fixture = makeRendererFixture()
  backend = fakeBackend()
  server = await createPreviewServer({
    dataDir: fixture.dataDir,
    port: 0,
    rendererDir: fixture.rendererDir,
    backend,
  })
})
afterEach(() => server.close())

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } }
const parse = (body: string) => JSON.parse(body) as Reply

const host = () => `127.0.0.1:${server.port}`
const api = (method: string, body: string, headers: Record<string, string> = {}) =>
  rawRequest(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      host: host(),
      'content-type': 'application/json',
      'x-tickler-token': server.token,
      ...headers,
    },
    body,
  })

describe('host check (DNS rebinding)', () => {
  it.each(['evil.example', `evil.example:${0}`, '127.0.0.1', '127.0.0.1:1', '0.0.0.0'])(
    'refuses Host %s with 403, for pages and API alike',
    async (badHost) => {
      const page = await rawRequest(server.port, { path: '/', headers: { host: badHost } })
      expect(page.status).toBe(403)
      const call = await api('app.info', '{}', { host: badHost })
      expect(call.status).toBe(403)
    },
  )

  it('accepts 127.0.0.1 and localhost with the right port', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const res = await rawRequest(server.port, { path: '/', headers: { host: `${name}:${server.port}` } })
      expect(res.status).toBe(200)
    }
  })
})

describe('token', () => {
  it('is required on API calls', async () => {
    const missing = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/app.info',
      headers: { host: host() },
      body: '{}',
    })
    expect(missing.status).toBe(401)
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const last = server.token.at(-1) === 'a' ? 'b' : 'a'
    const wrong = await api('app.info', '{}', { 'x-tickler-token': server.token.slice(0, -1) + last })
    expect(wrong.status).toBe(401)
  })

  it('is required for the event stream', async () => {
    const res = await rawRequest(server.port, { path: '/api/events?token=nope', headers: { host: host() } })
    expect(res.status).toBe(401)
  })

  it('is not needed for static files, which get the CSP header', async () => {
    const res = await rawRequest(server.port, { path: '/assets/index.js', headers: { host: host() } })
    expect(res.status).toBe(200)
    expect(res.body).toContain('console.log')
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; connect-src 'self'",
    )
  })

  it('is different on every run', async () => {
    const other = await createPreviewServer({ dataDir: 'unused', port: 0, backend: fakeBackend() })
    expect(other.token).not.toBe(server.token)
    expect(other.token.length).toBeGreaterThanOrEqual(32)
    await other.close()
  })
})

describe('API', () => {
  it('answers a known method with an ok envelope', async () => {
    const res = await api('app.info', '{}')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { preview: true } })
  })

  it('rejects a body that is not JSON with 400 and an error envelope', async () => {
    const res = await api('notes.list', '{"notebookId": ')
    expect(res.status).toBe(400)
    const envelope = parse(res.body)
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(envelope.error?.message).toMatch(/not valid JSON/)
  })

  it('names an unknown method', async () => {
    const res = await api('notes.destroyEverything', '{}')
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body)).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'Unknown method "notes.destroyEverything".' },
    })
  })

  it('explains invalid input by field and never calls the handler', async () => {
    const res = await api('notes.update', JSON.stringify({ id: '../etc', title: 'x'.repeat(600) }))
    const envelope = parse(res.body)
    expect(envelope.ok).toBe(false)
    expect(envelope.error?.code).toBe('BAD_INPUT')
    expect(envelope.error?.message).toContain('Invalid input for notes.update')
    expect(envelope.error?.message).toMatch(/id: must be 1–64 letters/)
    expect(envelope.error?.message).toMatch(/title: a title is at most 500 characters/)
    expect(backend.calls).toEqual([])
  })

  it('only accepts POST for methods', async () => {
    const res = await rawRequest(server.port, {
      path: '/api/app.info',
      headers: { host: host(), 'x-tickler-token': server.token },
    })
    expect(res.status).toBe(405)
  })
})

describe('static files', () => {
  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00',
    '/..%2f..%2fetc%2fpasswd',
    '/assets%5c..%5c..%5csecret.txt',
  ])('refuses path traversal %s', async (path) => {
    const res = await rawRequest(server.port, { path, headers: { host: host() } })
    expect(res.body).not.toContain('top secret')
    expect([403, 404]).toContain(res.status)
  })

  it('injects the shim before the app script in index.html', async () => {
    const res = await rawRequest(server.port, { path: '/?token=abc', headers: { host: host() } })
    const shimAt = res.body.indexOf('<script src="/preview-shim.js"></script>')
    expect(shimAt).toBeGreaterThan(0)
    expect(shimAt).toBeLessThan(res.body.indexOf('<script type="module"'))
  })

  it('serves the bundled shim, which builds window.tickler from the contract', async () => {
    const res = await rawRequest(server.port, { path: '/preview-shim.js', headers: { host: host() } })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.body).toContain('x-tickler-token')
    expect(res.body).toContain('notes.update') // the contract travelled with the bundle
  }, 30_000)
})

describe('events and shutdown', () => {
  it('streams backend events as server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = get(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${server.token}`,
          headers: { host: host() },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/)
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            text += chunk
            if (text.includes(': connected'))
              backend.emit('library.changed', { noteIds: ['a'], notebooks: false, summaries: [], removed: [] })
            const match = /data: (.*)\n\n/.exec(text)
            if (match?.[1]) {
              resolve(match[1])
              req.destroy()
            }
          })
        },
      )
      req.on('error', reject)
    })
    expect(JSON.parse(received)).toEqual({
      event: 'library.changed',
      payload: { noteIds: ['a'], notebooks: false, summaries: [], removed: [] },
    })
  })

  it('closes the backend once, even when close is called twice', async () => {
    await Promise.all([server.close(), server.close()])
    expect(backend.closed).toBe(true)
  })
})
