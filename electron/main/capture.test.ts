import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../shared/contract'
import { createFakeElectron } from './testing/fake-electron'

/*
 * Quick capture and the tray in the real start-up, over real core, with a recording stand-in for the
 * 'electron' module (globalShortcut, Tray and windows record what they were asked to do).
 */
let root: string
let dataDir: string
let fake: ReturnType<typeof createFakeElectron>

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tickler-capture-'))
  dataDir = join(root, 'library')
  fake = createFakeElectron(join(root, 'user-data'))
  vi.resetModules()
  vi.doMock('electron', () => fake.module)
  vi.stubEnv('TICKLER_DATA_DIR', dataDir)
  vi.stubEnv('TICKLER_TEST_HOOKS', '1')
})
afterEach(async () => {
  if (fake.windows.length > 0 && !fake.record.quit) {
    fake.module.app.quit()
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), { timeout: 10_000 })
  }
  vi.unstubAllEnvs()
  vi.doUnmock('electron')
  await rm(root, { recursive: true, force: true })
})

async function startApp() {
  await import('./index')
  await vi.waitFor(() => {
    if (fake.windows.length < 2 && fake.record.exitCode === undefined) throw new Error('not started')
  })
  if (fake.record.exitCode !== undefined)
    throw new Error(`start-up failed: ${fake.record.errorBoxes.join(' | ')}`)
}
const mainWindow = () => fake.windows[0]!
const captureWindow = () => fake.windows[1]!

function call(name: string, input: unknown): Promise<Envelope> {
  const wc = captureWindow().webContents
  const url = fake.record.loaded[1] ?? ''
  const event = { sender: wc, senderFrame: { url, parent: null, processId: 1, routingId: 1 } }
  const handler = fake.handlers.get(`tickler:${name}`)
  if (!handler) throw new Error(`no handler for ${name}`)
  return handler(event, input) as Promise<Envelope>
}

describe('quick capture in the app', () => {
  it('creates a hidden, frameless, always-on-top capture window with the same locked-down page', async () => {
    await startApp()
    expect(fake.record.windowOptions[1]).toMatchObject({
      show: false,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    })
    expect(fake.record.loaded).toEqual(['app://tickler/index.html', 'app://tickler/index.html?view=capture'])
  })

  it('registers the default shortcut, which shows and focuses the capture window on the cursor display', async () => {
    await startApp()
    expect([...fake.record.shortcuts.keys()]).toEqual(['CommandOrControl+Shift+Space'])
    captureWindow().hide()
    fake.record.shortcuts.get('CommandOrControl+Shift+Space')!()
    expect(captureWindow().isVisible()).toBe(true)
    expect(captureWindow().bounds).toEqual({ x: 680, y: 229, width: 560, height: 236 })
    expect(fake.record.sent).toContainEqual(['tickler:event', { event: 'capture.shown', payload: {} }])
    // The Electron spec calls the same handler through this hook.
    expect((globalThis as { __ticklerCaptureShortcut?: unknown }).__ticklerCaptureShortcut).toBeTypeOf(
      'function',
    )
  })

  it('changes the shortcut, persists it, and unregisters it on quit', async () => {
    await startApp()
    const changed = await call('settings.setCaptureShortcut', { accelerator: 'Alt+Shift+K' })
    expect(changed).toMatchObject({ ok: true, value: { accelerator: 'Alt+Shift+K', state: 'registered' } })
    expect([...fake.record.shortcuts.keys()]).toEqual(['Alt+Shift+K'])
    const doc = JSON.parse(await readFile(join(dataDir, 'capture.json'), 'utf8')) as { shortcut: string }
    expect(doc.shortcut).toBe('Alt+Shift+K')
    fake.module.app.quit()
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), { timeout: 10_000 })
    expect(fake.record.shortcuts.size).toBe(0)
    expect(fake.record.tray?.destroyed).toBe(true)
  })

  it('reports a refused shortcut to the windows and in Settings, with the menu and tray still there', async () => {
    fake.record.takenShortcuts.add('CommandOrControl+Shift+Space')
    await startApp()
    expect(await call('settings.captureShortcut', {})).toMatchObject({
      ok: true,
      value: { state: 'refused', refused: 'CommandOrControl+Shift+Space' },
    })
    const tray = fake.record.tray?.menu as { label?: string; click?: () => void }[]
    tray.find((i) => i.label === 'Quick capture')!.click!()
    expect(captureWindow().isVisible()).toBe(true)
  })

  it('puts the due count in the tray tooltip and the badge, and hides the window instead of closing it when asked', async () => {
    await startApp()
    expect(fake.record.tray?.tooltip).toBe('Tickler — nothing due')
    expect(fake.record.badge).toBe(0)
    await call('capture.updateSettings', { keepInTray: true })
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    mainWindow().emit('close', event)
    expect(event.defaultPrevented).toBe(true)
    expect(mainWindow().isVisible()).toBe(false)
    const tray = fake.record.tray?.menu as { label?: string; checked?: boolean }[]
    expect(tray.find((i) => i.label === 'Keep running in the tray')?.checked).toBe(true)
  })

  it('reads the clipboard in main for the capture window', async () => {
    await startApp()
    expect(await call('capture.readClipboard', {})).toEqual({
      ok: true,
      value: { available: true, text: 'from the clipboard', url: null, title: null },
    })
  })
})
