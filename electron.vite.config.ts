import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import { rendererConfig } from './vite.renderer.config'

const root = dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The search index runs in a worker thread; core/search/service.ts loads it as search-worker.js beside index.js.
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'search-worker': resolve(root, 'electron/core/search/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load ES modules, so it is bundled as one CommonJS file; its require()
      // only reaches 'electron' and a few built-ins, so dependencies (zod, via the contract) are bundled in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
})
