import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { methodNames, type Envelope } from '../shared/contract'
import { openLibrary } from '../core/index'
import { createFakeElectron } from './testing/fake-electron'

/*
 * Runs the real electron/main start-up against real core in a temp folder, with only the 'electron'
 * module replaced by a recording fake (no Electron binary exists where these tests run).
 */
let root: string
let dataDir: string
let fake: ReturnType<typeof createFakeElectron>
// Quitting writes the search and start-up snapshots; on a busy machine that takes more than a second.
const QUIT_WAIT = { timeout: 10_000 }

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tickler-main-'))
  dataDir = join(root, 'library')
  fake = createFakeElectron(join(root, 'user-data'))
  vi.resetModules()
  vi.doMock('electron', () => fake.module)
  vi.stubEnv('TICKLER_DATA_DIR', dataDir)
})
afterEach(async () => {
  // Quit like a user would, so the library finishes its writes before its folder is deleted.
  if (fake.windows.length > 0 && !fake.record.quit) {
    fake.module.app.quit()
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), QUIT_WAIT)
  }
  vi.unstubAllEnvs()
  vi.doUnmock('electron')
  await rm(root, { recursive: true, force: true })
})

async function startApp() {
  await import('./index')
  await vi.waitFor(() => {
    if (fake.windows.length === 0 && fake.record.exitCode === undefined) throw new Error('not started')
  })
}

const rendererUrl = () => fake.record.loaded[0] ?? ''
function call(name: string, input: unknown, url = rendererUrl()): Promise<Envelope> {
  const wc = fake.windows[0]?.webContents
  const event = { sender: wc, senderFrame: { url, parent: null, processId: 1, routingId: 1 } }
  const handler = fake.handlers.get(`tickler:${name}`)
  if (!handler) throw new Error(`no handler for ${name}`)
  return handler(event, input) as Promise<Envelope>
}

describe('electron main start-up', () => {
  it('opens the library, registers every method and creates locked-down windows', async () => {
    await startApp()
    expect([...fake.handlers.keys()].sort()).toEqual(methodNames.map((n) => `tickler:${n}`).sort())
    // The main window, then the hidden quick-capture window (tested in capture.test.ts).
    expect(fake.record.windowOptions).toHaveLength(2)
    expect(fake.record.windowOptions[0]).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    })
    // Through the app's own protocol, never file://, whose pages may load scripts from any folder.
    expect(fake.record.loaded[0]).toBe('app://tickler/index.html')
    expect(fake.protocols.has('app')).toBe(true)
    const info = await call('app.info', {})
    expect(info).toEqual({
      ok: true,
      value: { version: '9.9.9', dataDir, platform: process.platform, preview: false },
    })
  })

  it('serves our page, refuses other pages and reports bad input readably', async () => {
    await startApp()
    const created = await call('notes.create', { title: 'From IPC' })
    expect(created.ok).toBe(true)
    expect(await call('notes.list', {}, 'https://evil.example/')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.any(String) as string },
    })
    const bad = await call('notes.create', { title: 5 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    // The change made through IPC reached the window as a typed event.
    expect(fake.record.sent).toContainEqual([
      'tickler:event',
      { event: 'library.changed', payload: expect.objectContaining({ notebooks: false }) as unknown },
    ])
  })

  it('waits for the library to close before quitting, releasing the writer lock', async () => {
    await startApp()
    fake.module.app.quit()
    expect(fake.record.quit).toBe(false)
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), QUIT_WAIT)
    const again = await openLibrary(dataDir, { holder: 'test' })
    await again.close()
  })

  it('remembers the window bounds on close and restores them on the next start', async () => {
    await startApp()
    fake.windows[0]?.emit('close', { preventDefault: () => undefined })
    const saved = createFakeElectron(join(root, 'user-data'))
    fake.module.app.quit()
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), QUIT_WAIT)
    fake = saved
    vi.resetModules()
    vi.doMock('electron', () => fake.module)
    await startApp()
    // The fake reports normal bounds of 1000x700 at the origin; they come back, clamped to the display.
    expect(fake.record.windowOptions[0]).toMatchObject({ x: 0, y: 0, width: 1000, height: 700 })
  })

  it('shows the holder and quits when another writer has the library', async () => {
    const holder = await openLibrary(dataDir, { holder: 'cli' })
    try {
      await startApp()
      expect(fake.record.exitCode).toBe(1)
      expect(fake.record.windowOptions).toEqual([])
      expect(fake.record.errorBoxes[0]?.[0]).toBe('The Tickler library is in use')
      expect(fake.record.errorBoxes[0]?.[1]).toMatch(/cli/)
    } finally {
      await holder.close()
    }
  })

  it('tells the user about damaged files moved aside, without blocking start-up', async () => {
    await mkdir(join(dataDir, 'notes'), { recursive: true })
    await writeFile(join(dataDir, 'notes', 'abc.json'), '{"broken')
    await startApp()
    await vi.waitFor(() => expect(fake.record.messageBoxes).toHaveLength(1))
    expect(fake.record.messageBoxes[0]).toMatch(/damaged file/)
    expect(fake.windows).toHaveLength(2)
  })
})
