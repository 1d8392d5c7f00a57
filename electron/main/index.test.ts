import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { methodNames } from '../shared/contract'
import { openLibrary } from '../core/index'
import { useMainApp } from './testing/main-app'

/*
 * Runs the real electron/main start-up against real core in a temp folder, with only the 'electron'
 * module replaced by a recording fake (no Electron binary exists where these tests run).
 */
const app = useMainApp('tickler-main')
const call = (name: string, input: unknown, url?: string) => app.call(name, input, { url })

describe('electron main start-up', () => {
  it('opens the library, registers every method and creates locked-down windows', async () => {
    await app.start()
    expect([...app.fake.handlers.keys()].sort()).toEqual(methodNames.map((n) => `tickler:${n}`).sort())
    // The main window, then the hidden quick-capture window (tested in capture.test.ts).
    expect(app.fake.record.windowOptions).toHaveLength(2)
    expect(app.fake.record.windowOptions[0]).toMatchObject({
      show: false,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    })
    // Through the app's own protocol, never file://, whose pages may load scripts from any folder.
    expect(app.fake.record.loaded[0]).toBe('app://tickler/index.html')
    expect(app.fake.protocols.has('app')).toBe(true)
    const info = await call('app.info', {})
    expect(info).toEqual({
      ok: true,
      value: { version: '9.9.9', dataDir: app.dataDir, platform: process.platform, preview: false },
    })
  })

  it('serves our page, refuses other pages and reports bad input readably', async () => {
    await app.start()
    const created = await call('notes.create', { title: 'From IPC' })
    expect(created.ok).toBe(true)
    expect(await call('notes.list', {}, 'https://evil.example/')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.any(String) as string },
    })
    const bad = await call('notes.create', { title: 5 })
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    // The change made through IPC reached the window as a typed event.
    expect(app.fake.record.sent).toContainEqual([
      'tickler:event',
      { event: 'library.changed', payload: expect.objectContaining({ notebooks: false }) as unknown },
    ])
  })

  it('waits for the library to close before quitting, releasing the writer lock', async () => {
    await app.start()
    const quitting = app.quit()
    expect(app.fake.record.quit).toBe(false)
    await quitting
    const again = await openLibrary(app.dataDir, { holder: 'test' })
    await again.close()
  })

  it('remembers the window bounds on close and restores them on the next start', async () => {
    await app.start()
    app.fake.windows[0]?.emit('close', { preventDefault: () => undefined })
    await app.restart()
    // The fake reports normal bounds of 1000x700 at the origin; they come back, clamped to the display.
    expect(app.fake.record.windowOptions[0]).toMatchObject({ x: 0, y: 0, width: 1000, height: 700 })
  })

  it('shows the holder and quits when another writer has the library', async () => {
    const holder = await openLibrary(app.dataDir, { holder: 'cli' })
    try {
      await app.start()
      expect(app.fake.record.exitCode).toBe(1)
      expect(app.fake.record.windowOptions).toEqual([])
      expect(app.fake.record.errorBoxes[0]?.[0]).toBe('The Tickler library is in use')
      expect(app.fake.record.errorBoxes[0]?.[1]).toMatch(/cli/)
    } finally {
      await holder.close()
    }
  })

  it('tells the user about damaged files moved aside, without blocking start-up', async () => {
    await mkdir(join(app.dataDir, 'notes'), { recursive: true })
    await writeFile(join(app.dataDir, 'notes', 'abc.json'), '{"broken')
    await app.start()
    await vi.waitFor(() => expect(app.fake.record.messageBoxes).toHaveLength(1))
    expect(app.fake.record.messageBoxes[0]).toMatch(/damaged file/)
    expect(app.fake.windows).toHaveLength(2)
  })
})
