import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useMainApp } from './testing/main-app'

/*
 * Quick capture and the tray in the real start-up, over real core, with a recording stand-in for the
 * 'electron' module (globalShortcut, Tray and windows record what they were asked to do).
 */
const app = useMainApp('tickler-capture', { TICKLER_TEST_HOOKS: '1' })
const mainWindow = () => app.fake.windows[0]!
const captureWindow = () => app.fake.windows[1]!
/** As the capture window's page calls. */
const call = (name: string, input: unknown) => app.call(name, input, { window: 1 })

describe('quick capture in the app', () => {
  it('creates a hidden, frameless, always-on-top capture window with the same locked-down page', async () => {
    await app.started()
    expect(app.fake.record.windowOptions[1]).toMatchObject({
      show: false,
      frame: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    })
    expect(app.fake.record.loaded).toEqual(['app://tickler/index.html', 'app://tickler/index.html?view=capture'])
  })

  it('registers the default shortcut, which shows and focuses the capture window on the cursor display', async () => {
    await app.started()
    expect([...app.fake.record.shortcuts.keys()]).toEqual(['CommandOrControl+Shift+Space'])
    captureWindow().hide()
    app.fake.record.shortcuts.get('CommandOrControl+Shift+Space')!()
    expect(captureWindow().isVisible()).toBe(true)
    expect(captureWindow().bounds).toEqual({ x: 680, y: 229, width: 560, height: 236 })
    expect(app.fake.record.sent).toContainEqual(['tickler:event', { event: 'capture.shown', payload: {} }])
    // The Electron spec calls the same handler through this hook.
    expect((globalThis as { __ticklerCaptureShortcut?: unknown }).__ticklerCaptureShortcut).toBeTypeOf(
      'function',
    )
  })

  it('changes the shortcut, persists it, and unregisters it on quit', async () => {
    await app.started()
    const changed = await call('settings.setCaptureShortcut', { accelerator: 'Alt+Shift+K' })
    expect(changed).toMatchObject({ ok: true, value: { accelerator: 'Alt+Shift+K', state: 'registered' } })
    expect([...app.fake.record.shortcuts.keys()]).toEqual(['Alt+Shift+K'])
    const doc = JSON.parse(await readFile(join(app.dataDir, 'capture.json'), 'utf8')) as { shortcut: string }
    expect(doc.shortcut).toBe('Alt+Shift+K')
    await app.quit()
    expect(app.fake.record.shortcuts.size).toBe(0)
    expect(app.fake.record.tray?.destroyed).toBe(true)
  })

  it('reports a refused shortcut to the windows and in Settings, with the menu and tray still there', async () => {
    app.fake.record.takenShortcuts.add('CommandOrControl+Shift+Space')
    await app.started()
    expect(await call('settings.captureShortcut', {})).toMatchObject({
      ok: true,
      value: { state: 'refused', refused: 'CommandOrControl+Shift+Space' },
    })
    const tray = app.fake.record.tray?.menu as { label?: string; click?: () => void }[]
    tray.find((i) => i.label === 'Quick capture')!.click!()
    expect(captureWindow().isVisible()).toBe(true)
  })

  it('puts the due count in the tray tooltip and the badge, and hides the window instead of closing it when asked', async () => {
    await app.started()
    expect(app.fake.record.tray?.tooltip).toBe('Tickler — nothing due')
    expect(app.fake.record.badge).toBe(0)
    await call('capture.updateSettings', { keepInTray: true })
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) }
    mainWindow().emit('close', event)
    expect(event.defaultPrevented).toBe(true)
    expect(mainWindow().isVisible()).toBe(false)
    const tray = app.fake.record.tray?.menu as { label?: string; checked?: boolean }[]
    expect(tray.find((i) => i.label === 'Keep running in the tray')?.checked).toBe(true)
  })

  it('reads the clipboard in main for the capture window', async () => {
    await app.started()
    expect(await call('capture.readClipboard', {})).toEqual({
      ok: true,
      value: { available: true, text: 'from the clipboard', url: null, title: null },
    })
  })
})
