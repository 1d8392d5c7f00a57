import { BrowserWindow, screen } from 'electron'
import { clampToDisplays, MIN_SIZE } from './window-bounds'
import { loadWindowState, saveWindowState } from './window-state'
import type { RendererLocation } from './renderer-origin'

export interface MainWindowOptions {
  renderer: RendererLocation
  /** Absolute path of the built preload (out/preload/index.cjs). */
  preloadPath: string
  stateFile: string
}

function displayAreas() {
  const primary = screen.getPrimaryDisplay()
  // The primary display goes first: clampToDisplays falls back to it when a saved monitor is gone.
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => ({
    workArea: d.workArea,
  }))
}

/** The one set of web preferences every window of ours uses: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
  }
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(options.stateFile)
  const bounds = clampToDisplays(state, displayAreas())
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Tickler',
    webPreferences: secureWebPreferences(options.preloadPath),
  })
  if (state?.maximized) win.maximize()
  win.once('ready-to-show', () => win.show())

  win.on('close', () => {
    try {
      // Normal bounds, so a maximized window comes back to its restored size when un-maximized.
      saveWindowState(options.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() })
    } catch (error) {
      console.warn('Could not remember the window position', error)
    }
  })

  win.loadURL(options.renderer.url).catch((error: unknown) => console.error('The window could not load its page', error))
  return win
}

/** Brings an existing window to the front, e.g. when the user launches the app a second time. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore()
  if (!win.isVisible()) win.show()
  win.focus()
}
