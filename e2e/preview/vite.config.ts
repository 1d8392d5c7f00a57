// Used by `npm run preview:build`: the renderer alone, without building Electron's main and preload.
import { defineConfig } from 'vite'
import { rendererConfig } from '../../vite.renderer.config'

export default defineConfig(rendererConfig)
