import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { electronBinary } from '../e2e/electron/electron-binary'

describe('npm start', () => {
  it.skipIf(electronBinary() !== undefined)(
    'without the Electron binary says what is missing, how to get it and that npm run web opens the app',
    () => {
      const run = spawnSync('npm', ['start', '--silent'], { encoding: 'utf8', timeout: 60_000 })
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('the Electron program is not installed')
      expect(run.stderr).toContain('node node_modules/electron/install.js')
      expect(run.stderr).toContain('npm run web')
      // It stops before electron-vite starts a dev server whose address would lead nowhere.
      expect(run.stdout + run.stderr).not.toMatch(/localhost|Electron uninstall/)
    },
  )
})
