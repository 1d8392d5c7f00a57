import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron, expect, test, type ElectronApplication } from '@playwright/test'
import { chromiumArgs } from '../browser'
import { repoRoot } from '../preview/build-renderer'
import { electronBinary, electronMissingReason } from './electron-binary'

const binary = electronBinary()
const hasElectronBinary = binary !== undefined

test.describe('Electron app', () => {
  test.skip(!hasElectronBinary, electronMissingReason)

  let app: ElectronApplication
  let dataDir: string

  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tickler-electron-'))
    app = await _electron.launch({
      // Always explicit: letting Playwright require('electron') could start the lazy download.
      executablePath: binary,
      args: [join(repoRoot, 'out/main/index.js'), `--data-dir=${dataDir}`, ...chromiumArgs],
      env: { ...process.env, TICKLER_DATA_DIR: dataDir },
    })
  })

  test.afterEach(async () => {
    await app?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('starts with a window titled Tickler showing the app', async () => {
    const win = await app.firstWindow()
    await expect(win).toHaveTitle(/Tickler/)
    await expect(win.getByRole('button', { name: 'New note' })).toBeVisible()
  })

  test('the window is isolated and sandboxed, with no Node in the page', async () => {
    const win = await app.firstWindow()
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Not in electron.d.ts, but present at runtime: the preferences the page was actually created with.
      type Prefs = {
        contextIsolation?: boolean
        sandbox?: boolean
        nodeIntegration?: boolean
        webviewTag?: boolean
      }
      const web = BrowserWindow.getAllWindows()[0]?.webContents as unknown as {
        getLastWebPreferences(): Prefs
      }
      const last = web?.getLastWebPreferences()
      return (
        last && {
          contextIsolation: last.contextIsolation,
          sandbox: last.sandbox,
          nodeIntegration: last.nodeIntegration,
          webviewTag: last.webviewTag,
        }
      )
    })
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    })
    const page = await win.evaluate(() => ({
      hasRequire: typeof (globalThis as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      apiNamespaces: Object.keys(window.tickler).sort(),
    }))
    expect(page.hasRequire).toBe(false)
    expect(page.hasProcess).toBe(false)
    expect(page.apiNamespaces).toEqual(expect.arrayContaining(['app', 'notes', 'notebooks', 'on']))
  })
})
