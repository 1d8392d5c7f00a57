import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../shared/rpc'
import { useTempDirs } from '../test-support/temp-dir'
import { fetchImage } from './fetch-image'
import { isPublicAddress } from './public-address'
import { createAttachmentHandlers } from './handlers'

const tempDir = useTempDirs()
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
let server: Server
let base = ''
let requests = 0
/** The test's server stands in for a public one; every other address keeps the real rule. */
const testServer = (ip: string) => ip === '127.0.0.1'

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++
    const path = req.url ?? ''
    if (path === '/to-loopback') return res.writeHead(302, { location: `http://127.0.0.2:${port()}/logo.png` }).end()
    if (path === '/to-v6-loopback') return res.writeHead(301, { location: `http://[::1]:${port()}/logo.png` }).end()
    if (path === '/to-private') return res.writeHead(307, { location: 'http://192.168.1.1/logo.png' }).end()
    if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end()
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
  base = `http://127.0.0.1:${port()}`
})
const port = () => (server.address() as AddressInfo).port
afterAll(() => {
  server.closeAllConnections()
  server.close()
})

describe('fetchImage', () => {
  it('downloads a picture with its type and a name from the address, following redirects', async () => {
    const image = await fetchImage(`${base}/logo.png?size=2`, { addressAllowed: testServer })
    expect(image).toEqual({ bytes: png, name: 'logo.png', mime: 'image/png' })
    expect((await fetchImage(`${base}/moved`, { addressAllowed: testServer })).bytes).toEqual(png)
  })

  it.each([
    ['/page', /is not a picture \(text\/html\)/],
    ['/missing.png', /answered 404/],
    ['/huge.png', /larger than 50 MB/],
    ['/loop', /redirects more than 5 times/],
  ])('refuses %s with a sentence that says why', async (path, why) => {
    await expect(fetchImage(`${base}${path}`, { maxBytes: 1000, addressAllowed: testServer })).rejects.toThrow(why)
  })

  it('gives up on a server that does not answer', async () => {
    await expect(fetchImage(`${base}/slow.png`, { timeoutMs: 200, addressAllowed: testServer })).rejects.toThrow(
      /did not answer in time/,
    )
  })

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'not a url', 'http://user:pw@example.com/a.png'])(
    'never fetches %s',
    async (url) => {
      await expect(fetchImage(url)).rejects.toThrow(/could not be saved/)
    },
  )

  it.each([
    () => `${base}/logo.png`,
    () => `http://localhost:${port()}/logo.png`,
    () => `http://[::1]:${port()}/logo.png`,
    () => `http://[::ffff:127.0.0.1]:${port()}/logo.png`,
    () => `http://2130706433:${port()}/logo.png`,
  ])('refuses an address on this machine before connecting: %#', async (url) => {
    const before = requests
    await expect(fetchImage(url())).rejects.toThrow(/on this machine or a private network, which Tickler never fetches from/)
    expect(requests).toBe(before)
  })

  it.each(['/to-loopback', '/to-v6-loopback', '/to-private'])(
    'refuses a redirect (%s) into this machine or a private network',
    async (path) => {
      await expect(fetchImage(`${base}${path}`, { addressAllowed: testServer })).rejects.toThrow(
        /redirects to .* on this machine or a private network/,
      )
    },
  )
})

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1', '127.8.9.10', '0.0.0.0', '10.1.2.3', '100.64.0.1', '169.254.169.254', '172.16.0.1', '172.31.255.255',
    '192.168.0.1', '198.18.0.1', '224.0.0.251', '239.255.255.250', '255.255.255.255', '::', '::1', 'fe80::1',
    'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1',
    'localhost', 'not-an-ip',
  ])('%s is not public', (ip) => expect(isPublicAddress(ip)).toBe(false))

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (ip) =>
    expect(isPublicAddress(ip)).toBe(true),
  )
})

describe('attachments.fetch', () => {
  it('stores the picture in the library and returns its reference', async () => {
    const dir = tempDir()
    const handlers = createAttachmentHandlers(dir, { addressAllowed: testServer }) as Handlers
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
