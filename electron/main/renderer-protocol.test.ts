import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../core/test-support/temp-dir'
import { lookupRendererFile } from './renderer-files'
import { createFakeElectron } from './testing/fake-electron'

/* The renderer's app:// protocol, handled by the real code against a recording 'electron'. */
const tempDir = useTempDirs()
let fake: ReturnType<typeof createFakeElectron>
let root: string
let rendererDir: string

beforeEach(() => {
  root = tempDir()
  rendererDir = join(root, 'out', 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><script src="./assets/app.js"></script>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  // Beside the renderer folder: what a file:// page with script-src 'self' could have loaded.
  mkdirSync(join(root, 'out', 'main'), { recursive: true })
  writeFileSync(join(root, 'out', 'main', 'index.js'), 'main process code')
  writeFileSync(join(root, 'secret.txt'), 'secret')
  fake = createFakeElectron(join(root, 'user-data'))
  vi.resetModules()
  vi.doMock('electron', () => fake.module)
})
afterEach(() => vi.doUnmock('electron'))

async function handler() {
  const { handleRendererProtocol } = await import('./renderer-protocol')
  handleRendererProtocol(rendererDir, "default-src 'self'")
  const handle = fake.protocols.get('app')
  if (!handle) throw new Error('app: not handled')
  return (url: string) => handle(new Request(url))
}

describe('app:// in Electron main', () => {
  it('serves the renderer page with its CSP and type, and its assets', async () => {
    const get = await handler()
    const page = await get('app://tickler/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'")
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toMatch(/^<!doctype html>/)
    const script = await get('app://tickler/assets/app.js?v=1#x')
    expect([script.status, script.headers.get('content-type'), await script.text()]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'console.log(1)',
    ])
    expect((await get('app://tickler/')).status).toBe(200)
  })

  it.each([
    'app://tickler/../main/index.js',
    'app://tickler/%2e%2e/main/index.js',
    'app://tickler/assets/%2E%2E/%2E%2E/main/index.js',
    'app://tickler/..%2fmain%2findex.js',
    'app://tickler/..%5cmain%5cindex.js',
    'app://tickler/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://tickler/index.html%00.js',
    'app://tickler/%2Fetc%2Fpasswd',
    'app://other/index.html',
    'app://tickler/%E0%A4%A',
  ])('refuses %s, outside the renderer folder', async (url) => {
    const get = await handler()
    const response = await get(url)
    expect(response.status, url).toBeGreaterThanOrEqual(400)
    expect(await response.text()).not.toMatch(/main process code|secret/)
  })

  it('answers 404 for a file the folder does not have', async () => {
    const get = await handler()
    expect((await get('app://tickler/missing.js')).status).toBe(404)
    expect((await get('app://tickler/assets')).status).toBe(404)
  })
})

describe('lookupRendererFile', () => {
  it('names only files inside the folder, decoded once', () => {
    expect(lookupRendererFile('/r', 'app://tickler/assets/a%20b.js')).toEqual({
      status: 200,
      path: join('/r', 'assets', 'a b.js'),
      type: 'text/javascript; charset=utf-8',
    })
    expect(lookupRendererFile('/r', 'app://tickler/%252e%252e/x').status).toBe(200)
    // The URL parser already took "%2e%2e" as "..": it names /r/x, never /x.
    expect(lookupRendererFile('/r', 'app://tickler/%2e%2e/x')).toMatchObject({ path: join('/r', 'x') })
    expect(lookupRendererFile('/r', 'app://tickler/..%2fx').status).toBe(403)
    expect(lookupRendererFile('/r', 'file:///r/index.html').status).toBe(403)
  })
})
