import { spawnSync } from 'node:child_process'
import { electronBinary } from './electron/electron-binary'
import { ensureRendererBuilt, repoRoot } from './preview/build-renderer'

/** Builds once for the whole run; each test then only starts a server over the built files. */
export default async function globalSetup(): Promise<void> {
  if (await ensureRendererBuilt()) console.log('[e2e] renderer built')
  if (electronBinary()) {
    // Only the Electron specs need main and preload, and only where they can actually run.
    const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
    if (result.status !== 0) throw new Error('electron-vite build failed; the Electron specs cannot run')
  }
}
