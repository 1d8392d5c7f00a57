import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const defaultRendererDir = join(repoRoot, 'out/renderer')

/** Everything the renderer bundle is made from; a change in any of them makes the build stale. */
const rendererInputs = ['src', 'electron/shared', 'vite.renderer.config.ts']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs // a deleted file only shows up as a newer directory mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export function isRendererStale(rendererDir = defaultRendererDir): boolean {
  const index = join(rendererDir, 'index.html')
  if (!existsSync(index)) return true
  const builtAt = statSync(index).mtimeMs
  return rendererInputs.some((input) => newestMtime(join(repoRoot, input)) > builtAt)
}

/**
 * Builds only the renderer (not Electron's main and preload, which a browser run never loads),
 * with the same settings electron-vite uses.
 */
export async function buildRenderer(): Promise<void> {
  const [{ build }, { rendererConfig }] = await Promise.all([
    import('vite'),
    import('../../vite.renderer.config'),
  ])
  // out/renderer lies outside the renderer root (src), so vite would otherwise keep stale hashed chunks.
  await build({
    ...rendererConfig,
    build: { ...rendererConfig.build, emptyOutDir: true },
    configFile: false,
    logLevel: 'warn',
  })
}

/** Builds out/renderer when missing or older than its sources; true when it did build. */
export async function ensureRendererBuilt(): Promise<boolean> {
  if (!isRendererStale()) return false
  await buildRenderer()
  return true
}
