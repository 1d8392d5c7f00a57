import type { TicklerApi } from '../../electron/shared/contract'

declare global {
  interface Window {
    /** Exposed by the preload script in Electron and by the preview shim in a browser. */
    tickler: TicklerApi
  }
}

export const api: TicklerApi = window.tickler
