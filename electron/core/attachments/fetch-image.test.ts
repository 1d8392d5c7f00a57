import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../shared/rpc'
import { useTempDirs } from '../test-support/temp-dir'
import { fetchImage } from './fetch-image'
import { createAttachmentHandlers } from './handlers'

const tempDir = useTempDirs()
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? ''
    if (path.startsWith('/logo.png')) return res.writeHead(200, { 'content-type': 'image/png' }).end(png)
    if (path === '/page') return res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>')
    if (path === '/missing.png') return res.writeHead(404).end()
    if (path === '/moved') return res.writeHead(302, { location: '/logo.png' }).end()
    if (path === '/huge.png') {
      // No Content-Length: the limit must hold while streaming.
      res.writeHead(200, { 'content-type': 'image/png' })
      res.write(Buffer.alloc(600))
      return res.end(Buffer.alloc(600))
    }
    if (path === '/slow.png') return // never answers
    res.writeHead(500).end()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

describe('fetchImage', () => {
  it('downloads a picture with its type and a name from the address, following redirects', async () => {
    const image = await fetchImage(`${base}/logo.png?size=2`)
    expect(image).toEqual({ bytes: png, name: 'logo.png', mime: 'image/png' })
    expect((await fetchImage(`${base}/moved`)).bytes).toEqual(png)
  })

  it.each([
    ['/page', /is not a picture \(text\/html\)/],
    ['/missing.png', /answered 404/],
    ['/huge.png', /larger than 50 MB/],
  ])('refuses %s with a sentence that says why', async (path, why) => {
    await expect(fetchImage(`${base}${path}`, { maxBytes: 1000 })).rejects.toThrow(why)
  })

  it('gives up on a server that does not answer', async () => {
    await expect(fetchImage(`${base}/slow.png`, { timeoutMs: 200 })).rejects.toThrow(/did not answer in time/)
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:pw@example.com/a.png'])(
    'never fetches %s',
    async (url) => {
      let called = false
      const fetchImpl = (async () => {
        called = true
        return new Response(png)
      }) as typeof fetch
      await expect(fetchImage(url, { fetchImpl })).rejects.toThrow(/could not be saved/)
      expect(called).toBe(false)
    },
  )
})

describe('attachments.fetch', () => {
  it('stores the picture in the library and returns its reference', async () => {
    const dir = tempDir()
    const handlers = createAttachmentHandlers(dir, {}) as Handlers
    const result = await dispatch(handlers, 'attachments.fetch', { url: `${base}/logo.png` })
    if (!result.ok) throw new Error(result.error.message)
    const ref = result.value as { file: string }
    expect(ref).toMatchObject({ name: 'logo.png', mime: 'image/png', size: png.length })
    expect(readdirSync(join(dir, 'attachments'))).toEqual([ref.file])
  })

  it('refuses a non-web address at the contract and stores nothing', async () => {
    const dir = tempDir()
    const handlers = createAttachmentHandlers(dir, {}) as Handlers
    const result = await dispatch(handlers, 'attachments.fetch', { url: 'file:///etc/passwd' })
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(JSON.stringify(result)).toMatch(/http or https/)
    expect(() => readdirSync(join(dir, 'attachments'))).toThrow(/ENOENT/)
  })
})
