import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../shared/contract'
import { createFakeElectron } from './testing/fake-electron'

/* The language chosen in Settings reaches the native menu and the tray, at once and after a restart. */
let root: string
let dataDir: string
let fake: ReturnType<typeof createFakeElectron>

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tickler-language-'))
  dataDir = join(root, 'library')
  fake = createFakeElectron(join(root, 'user-data'))
  vi.resetModules()
  vi.doMock('electron', () => fake.module)
  vi.stubEnv('TICKLER_DATA_DIR', dataDir)
})
afterEach(async () => {
  if (fake.windows.length > 0 && !fake.record.quit) {
    fake.module.app.quit()
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), { timeout: 10_000 })
  }
  vi.unstubAllEnvs()
  vi.doUnmock('electron')
  await rm(root, { recursive: true, force: true })
})

async function startApp() {
  await import('./index')
  await vi.waitFor(() => {
    if (fake.windows.length < 2 && fake.record.exitCode === undefined) throw new Error('not started')
  })
  if (fake.record.exitCode !== undefined)
    throw new Error(`start-up failed: ${fake.record.errorBoxes.join(' | ')}`)
}

function call(name: string, input: unknown): Promise<Envelope> {
  const wc = fake.windows[0]!.webContents
  const event = {
    sender: wc,
    // The page's own URL, as the window loaded it (the renderer is served from app://, not file://).
    senderFrame: { url: fake.record.loaded[0] ?? '', parent: null, processId: 1, routingId: 1 },
  }
  return fake.handlers.get(`tickler:${name}`)!(event, input) as Promise<Envelope>
}

type Item = { label?: string; submenu?: Item[] }
const topLabels = () => (fake.record.appMenu as Item[]).map((i) => i.label).filter(Boolean)
const trayLabels = () => (fake.record.tray?.menu as Item[]).map((i) => i.label).filter(Boolean)

describe('the language setting in the app', () => {
  it('switches the native menu and the tray to Korean at once, tells the windows, and keeps it', async () => {
    await startApp()
    // The fake OS is English: "System" gives an English menu.
    expect(topLabels()).toContain('File')
    expect(await call('language.get', {})).toMatchObject({ ok: true, value: { language: 'system' } })

    expect(await call('language.set', { language: 'ko' })).toMatchObject({
      ok: true,
      value: { language: 'ko' },
    })
    expect(topLabels()).toContain('파일')
    expect(topLabels()).not.toContain('File')
    expect(trayLabels()).toContain('빠른 메모')
    expect(fake.record.sent).toContainEqual([
      'tickler:event',
      { event: 'language.changed', payload: { language: 'ko' } },
    ])
    const doc = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as { language: string }
    expect(doc.language).toBe('ko')

    const refused = await call('language.set', { language: 'fr' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(topLabels()).toContain('파일')
  })
  it('starts with the menu and tray in the language saved earlier', async () => {
    const { openSettings } = await import('../core/settings')
    await mkdir(dataDir, { recursive: true })
    await (await openSettings(dataDir, false)).setLanguage('ko')
    await startApp()
    expect(topLabels()).toContain('파일')
    expect(trayLabels()).toContain('빠른 메모')
  })
})
