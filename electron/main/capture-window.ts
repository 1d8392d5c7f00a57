import { BrowserWindow, nativeTheme, screen } from 'electron'
import { CAPTURE_SIZE, placeCapture } from './capture-placement'
import type { RendererLocation } from './renderer-origin'
import { secureWebPreferences } from './window'

export interface CaptureWindowOptions {
  renderer: RendererLocation
  preloadPath: string
  /** Tells the page it was shown, so it focuses the field and restores the draft. */
  onShown(): void
}

export interface CaptureWindow {
  readonly window: BrowserWindow
  show(): void
  hide(): boolean
  /** Lets the window really close (on quit); until then closing only hides it, so it can be reused. */
  release(): void
}

/** The same renderer, told by its URL to draw the capture panel instead of the library. */
export const captureUrl = (rendererUrl: string): string =>
  `${rendererUrl}${rendererUrl.includes('?') ? '&' : '?'}view=capture`

/**
 * The quick-capture window: created hidden at start-up with its page already loaded, so the shortcut
 * only has to move and show it — no page load stands between the key press and typing.
 */
export function createCaptureWindow(o: CaptureWindowOptions): CaptureWindow {
  const win = new BrowserWindow({
    ...CAPTURE_SIZE,
    show: false,
    frame: false,
    resizable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Tickler Quick Capture',
    // The panel's own colour, so showing it never flashes white in a dark theme.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#212124' : '#ffffff',
    webPreferences: secureWebPreferences(o.preloadPath),
  })
  // Above full-screen apps too: capture is for the middle of whatever the user is doing.
  win.setAlwaysOnTop(true, 'floating')
  win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true })
  let releasing = false
  win.on('close', (event) => {
    if (releasing) return
    event.preventDefault()
    win.hide()
  })
  // Like a launcher: clicking elsewhere puts it away; the page keeps the draft for next time.
  win.on('blur', () => {
    if (win.isVisible()) win.hide()
  })

  win.loadURL(captureUrl(o.renderer.url)).catch((error: unknown) => console.error('The capture window could not load its page', error))

  return {
    window: win,
    show() {
      const area = screen.getDisplayNearestPoint(screen.getCursorScreenPoint()).workArea
      win.setBounds(placeCapture(area))
      win.show()
      win.focus()
      win.webContents.focus()
      o.onShown()
    },
    hide() {
      if (!win.isVisible()) return false
      win.hide()
      return true
    },
    release() {
      releasing = true
    },
  }
}
