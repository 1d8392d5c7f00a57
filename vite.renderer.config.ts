import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import type { UserConfig } from 'vite'

const root = dirname(fileURLToPath(import.meta.url))

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
  plugins: [react()],
} satisfies UserConfig
