import { app, session, shell } from 'electron'
import { isSafeExternalUrl } from './external-url'
import { buildCsp, isPermissionAllowed, isRendererUrl, type RendererLocation } from './renderer-origin'

/** Opens a link in the user's browser or mail client; anything but http(s)/mailto is refused. */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  try {
    await shell.openExternal(url)
    return true
  } catch (error) {
    console.warn('Could not open external link', error)
    return false
  }
}

/**
 * Guards every web contents the app ever creates (windows, devtools, anything a bug might spawn):
 * no webviews, no new windows, no navigation away from our page. Links are handed to the OS instead.
 * Must be installed before the first window is created.
 */
export function installContentGuards(renderer: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalSafely(url)
      return { action: 'deny' }
    })
    const guardNavigation = (event: { url: string; preventDefault(): void }) => {
      if (isRendererUrl(event.url, renderer)) return
      event.preventDefault()
      void openExternalSafely(event.url)
    }
    contents.on('will-navigate', guardNavigation)
    contents.on('will-frame-navigate', (event) => {
      // Sub-frames have no business in this app; only the top frame may (re)load our page.
      if (!event.isMainFrame) event.preventDefault()
    })
    contents.on('will-redirect', (event) => {
      if (!isRendererUrl(event.url, renderer)) event.preventDefault()
    })
  })
}

/** Session-wide policy: the CSP header on every response and a deny-by-default permission handler. */
export function installSessionPolicy(renderer: RendererLocation): void {
  const ses = session.defaultSession
  const csp = buildCsp(renderer)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, renderer))
  })
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, details.requestingUrl ?? requestingOrigin, renderer),
  )
}
