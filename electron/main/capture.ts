import { app, clipboard, globalShortcut, type BrowserWindow } from 'electron'
import type { CaptureHooks, FollowUpService, Library } from '../core/index'
import { captureStoreFor } from '../core/index'
import type { EventName, EventPayload } from '../shared/contract'
import { readClipboardContent } from './capture-clipboard'
import { createCaptureWindow, type CaptureWindow } from './capture-window'
import { createShortcutManager, isWaylandSession } from './global-shortcut'
import type { RendererLocation } from './renderer-origin'
import { createTray, type AppTray } from './tray'
import { uiLanguage } from './ui-language'

export interface CaptureOptions {
  library: Library
  followUps: FollowUpService
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  renderer: RendererLocation
  preloadPath: string
  trayIcon: string
  /** Brings the main window forward, opening it if it was closed. */
  showMain(): BrowserWindow
  newNote: () => void
}

export interface CaptureRuntime {
  hooks: CaptureHooks
  /**
   * Creates the hidden capture window with its page loaded; called right after the main window, so
   * the main window's page is not kept waiting by one the user has not asked for yet.
   */
  createWindow(): void
  show(): void
  /** Closing this window hides it while "keep running in the tray" is on. */
  attachMainWindow(win: BrowserWindow): void
  /** Draws the tray menu again (after a language change). */
  refreshTray(): void
  stop(): void
}

const DUE_REFRESH_MS = 5 * 60_000

/**
 * Quick capture and the tray in the app: the reusable capture window, the global shortcut and the tray,
 * wired to core's capture settings. Everything with logic in it lives in a pure module beside this one.
 */
export async function startCapture(o: CaptureOptions): Promise<CaptureRuntime> {
  const store = await captureStoreFor(o.library)
  let quitting = false
  app.on('before-quit', () => (quitting = true))

  let capture: CaptureWindow | undefined
  const createWindow = () =>
    (capture ??= createCaptureWindow({
      renderer: o.renderer,
      preloadPath: o.preloadPath,
      onShown: () => o.emit('capture.shown', {}),
    }))
  const show = () => createWindow().show()
  // Test hook for the Electron spec, which cannot press a global key: the exact handler the shortcut runs.
  if (process.env.TICKLER_TEST_HOOKS === '1') Object.assign(globalThis, { __ticklerCaptureShortcut: show })

  const shortcut = createShortcutManager({
    globalShortcut,
    store,
    onTrigger: show,
    onStatus: (status) => {
      o.emit('capture.shortcutStatus', status)
      refreshTray()
    },
    wayland: isWaylandSession(process.platform, process.env),
  })

  let tray: AppTray | undefined
  const dueCount = () => o.followUps.actions.due().length
  const trayState = () => ({
    locale: uiLanguage(),
    due: dueCount(),
    keepInTray: store.settings().keepInTray,
    shortcut: ['registered', 'wayland'].includes(shortcut.status().state)
      ? shortcut.status().accelerator
      : null,
  })
  function refreshTray() {
    if (!tray) return
    const state = trayState()
    tray.update(state)
    // Dock badge on macOS, launcher count on Unity-style Linux desktops; a no-op where there is none.
    app.setBadgeCount(state.due)
  }
  const setKeepInTray = (on: boolean) => {
    store
      .update({ keepInTray: on })
      .then(refreshTray, (error: unknown) => console.error('Could not save', error))
  }
  try {
    tray = createTray(o.trayIcon, process.platform, trayState(), {
      show: () => void o.showMain(),
      newNote: o.newNote,
      capture: show,
      dueFollowUps: () => {
        o.showMain()
        o.emit('followups.show', {})
      },
      setKeepInTray,
      quit: () => app.quit(),
    })
  } catch (error) {
    // Some Linux desktops have no tray at all; the app menu still offers everything the tray does.
    console.warn('No system tray available', error)
  }
  shortcut.start()
  refreshTray()
  const offChange = o.library.onChange(refreshTray)
  const timer = setInterval(refreshTray, DUE_REFRESH_MS)
  timer.unref?.()

  return {
    show,
    createWindow: () => void createWindow(),
    hooks: {
      hide: () => capture?.hide() ?? false,
      readClipboard: () => readClipboardContent(clipboard),
      shortcutStatus: () => shortcut.status(),
      setShortcut: (accelerator) => shortcut.change(accelerator),
      keepInTrayChanged: refreshTray,
    },
    refreshTray,
    attachMainWindow(win) {
      win.on('close', (event) => {
        if (quitting || !store.settings().keepInTray) return
        event.preventDefault()
        win.hide()
      })
      win.on('closed', () => {
        // The hidden capture window keeps 'window-all-closed' from firing, so the main window's own
        // close is what ends the app when it is not meant to stay in the tray (macOS keeps apps open).
        if (!quitting && !store.settings().keepInTray && process.platform !== 'darwin') app.quit()
      })
    },
    stop() {
      clearInterval(timer)
      offChange()
      shortcut.stop()
      capture?.release()
      tray?.destroy()
      tray = undefined
    },
  }
}
