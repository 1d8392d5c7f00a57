import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { Plugin, UserConfig } from 'vite'

const root = dirname(fileURLToPath(import.meta.url))

/**
 * Under the dev server (`npm start`) React's refresh preamble is an inline script and HMR talks over a
 * websocket, which the page's strict CSP would block. Only the served page is relaxed; the built page,
 * which the app ships and the tests drive, keeps the strict policy.
 */
const devCsp: Plugin = {
  name: 'tickler-dev-csp',
  apply: 'serve',
  transformIndexHtml: {
    order: 'pre',
    handler: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws://localhost:* ws://127.0.0.1:*"),
  },
}

/**
 * The renderer's build settings, shared by electron-vite (the app) and the browser preview's
 * renderer-only build, so the page Playwright tests is built exactly like the one Electron loads.
 */
export const rendererConfig = {
  root: resolve(root, 'src'),
  build: {
    outDir: resolve(root, 'out/renderer'),
    rollupOptions: { input: { index: resolve(root, 'src/index.html') } },
  },
  plugins: [react(), devCsp],
} satisfies UserConfig
