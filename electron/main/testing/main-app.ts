import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, vi } from 'vitest'
import type { Envelope } from '../../shared/contract'
import { createFakeElectron, type FakeElectron } from './fake-electron'

// Quitting writes the search and start-up snapshots; on a busy machine that takes more than a second.
export const QUIT_WAIT = { timeout: 15_000 }

export interface MainApp {
  /** The folder the test owns; the library is `dataDir` inside it, Electron's user data beside it. */
  readonly root: string
  readonly dataDir: string
  readonly fake: FakeElectron
  /** Runs the real start-up; resolves once the main and capture windows exist or start-up gave up. */
  start(): Promise<void>
  /** As `start`, failing the test with the error boxes when start-up gave up. */
  started(): Promise<void>
  /** Quits as a user would and waits until the library has closed. */
  quit(): Promise<void>
  /** Quits, then starts again on the same folders, as the next launch would. */
  restart(): Promise<void>
  /** Invokes an IPC method as a window's page would (the main window unless told). */
  call(name: string, input: unknown, from?: { window?: number; url?: string }): Promise<Envelope>
}

/**
 * The real electron/main start-up over real core in a temporary folder, with only the 'electron' module
 * replaced by a recording fake (no Electron binary exists where these tests run). Call at the top of a
 * test file; each test gets fresh folders and is quit after it, so the library finishes its writes.
 */
export function useMainApp(prefix: string, env: Record<string, string> = {}): MainApp {
  let root = ''
  let fake: FakeElectron | undefined
  const current = () => {
    if (!fake) throw new Error('useMainApp: used outside a test')
    return fake
  }
  const install = () => {
    fake = createFakeElectron(join(root, 'user-data'))
    vi.resetModules()
    vi.doMock('electron', () => current().module)
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), `${prefix}-`))
    install()
    vi.stubEnv('TICKLER_DATA_DIR', join(root, 'library'))
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
  })
  afterEach(async () => {
    if (fake && fake.windows.length > 0 && !fake.record.quit) await app.quit()
    vi.unstubAllEnvs()
    vi.doUnmock('electron')
    fake = undefined
    await rm(root, { recursive: true, force: true })
  })

  const app: MainApp = {
    get root() {
      return root
    },
    get dataDir() {
      return join(root, 'library')
    },
    get fake() {
      return current()
    },
    async start() {
      await import('../index')
      const f = current()
      await vi.waitFor(() => {
        if (f.windows.length < 2 && f.record.exitCode === undefined) throw new Error('not started')
      })
    },
    async started() {
      await app.start()
      const { exitCode, errorBoxes } = current().record
      if (exitCode !== undefined) throw new Error(`start-up failed: ${errorBoxes.join(' | ')}`)
    },
    async quit() {
      const f = current()
      f.module.app.quit()
      await vi.waitFor(() => expect(f.record.quit).toBe(true), QUIT_WAIT)
    },
    async restart() {
      await app.quit()
      install()
      await app.started()
    },
    call(name, input, from = {}) {
      const f = current()
      const index = from.window ?? 0
      const url = from.url ?? f.record.loaded[index] ?? ''
      const event = {
        sender: f.windows[index]?.webContents,
        senderFrame: { url, parent: null, processId: 1, routingId: 1 },
      }
      const handler = f.handlers.get(`tickler:${name}`)
      if (!handler) throw new Error(`no handler for ${name}`)
      return handler(event, input) as Promise<Envelope>
    },
  }
  return app
}
