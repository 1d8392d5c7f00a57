import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Envelope } from '../shared/contract'
import { createFakeElectron } from './testing/fake-electron'

/* The real main start-up with a recording 'electron': the attachment protocol and shell.openPath wiring. */
let root: string
let fake: ReturnType<typeof createFakeElectron>

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tickler-main-att-'))
  fake = createFakeElectron(join(root, 'user-data'))
  vi.resetModules()
  vi.doMock('electron', () => fake.module)
  vi.stubEnv('TICKLER_DATA_DIR', join(root, 'library'))
})
afterEach(async () => {
  if (fake.windows.length > 0 && !fake.record.quit) {
    fake.module.app.quit()
    await vi.waitFor(() => expect(fake.record.quit).toBe(true), { timeout: 15_000 })
  }
  vi.unstubAllEnvs()
  vi.doUnmock('electron')
  await rm(root, { recursive: true, force: true })
})

async function start() {
  await import('./index')
  // The main window comes first; a quick-capture window may follow it.
  await vi.waitFor(() => expect(fake.windows.length).toBeGreaterThanOrEqual(1))
  await vi.waitFor(() => expect(fake.protocols.has('tickler-attachment')).toBe(true))
  const handler = fake.protocols.get('tickler-attachment')
  if (!handler) throw new Error('attachment protocol not handled')
  const call = (name: string, input: unknown) => {
    const wc = fake.windows[0]?.webContents
    const url = fake.record.loaded[0] ?? ''
    const event = { sender: wc, senderFrame: { url, parent: null, processId: 1, routingId: 1 } }
    return fake.handlers.get(`tickler:${name}`)!(event, input) as Promise<Envelope>
  }
  return { handler, call }
}

describe('tickler-attachment: in Electron main', () => {
  it('is registered as a privileged standard scheme before the app is ready', async () => {
    await start()
    // One list: Electron takes registerSchemesAsPrivileged once.
    expect(fake.record.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
      expect.objectContaining({
        scheme: 'tickler-attachment',
        privileges: expect.objectContaining({ standard: true }),
      }),
    ])
  })

  it('serves an added attachment and refuses paths outside the folder', async () => {
    const { handler, call } = await start()
    await writeFile(join(root, 'library', 'secret.txt'), 'secret')
    const added = (await call('attachments.add', {
      name: 'dot.png',
      mime: 'image/png',
      data: Buffer.from('png-bytes').toString('base64'),
    })) as { ok: true; value: { file: string } }
    expect(added.ok).toBe(true)
    const info = (await call('attachments.info', {})) as { ok: true; value: { urlBase: string } }
    expect(info.value.urlBase).toBe('tickler-attachment://file/')

    const ok = await handler(new Request(`${info.value.urlBase}${added.value.file}`))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toBe('image/png')
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await ok.text()).toBe('png-bytes')

    for (const bad of ['..%2Fsecret.txt', '%2e%2e%2fsecret.txt', '%2Fetc%2Fpasswd', 'secret.txt']) {
      const response = await handler(new Request(`tickler-attachment://file/${bad}`))
      expect(response.status, bad).toBe(403)
    }
    expect((await handler(new Request(`tickler-attachment://other/${added.value.file}`))).status).toBe(403)
  })

  it('opens a file with the OS only after core resolved it inside the attachments folder', async () => {
    const { call } = await start()
    const added = (await call('attachments.add', {
      name: 'a.pdf',
      mime: 'application/pdf',
      data: 'JVBERg==',
    })) as {
      ok: true
      value: { file: string }
    }
    expect(await call('attachments.open', { file: added.value.file })).toEqual({
      ok: true,
      value: { opened: true, blocked: false, shownInFolder: false },
    })
    expect(fake.record.openedPaths).toEqual([join(root, 'library', 'attachments', added.value.file)])
    const missing = await call('attachments.open', { file: `${'e'.repeat(64)}.pdf` })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(fake.record.openedPaths).toHaveLength(1)
  })

  it('shows a file of a type that can run programs in its folder instead of opening it', async () => {
    const { call } = await start()
    const added = (await call('attachments.add', {
      name: 'invoice.pdf.exe',
      mime: 'application/pdf',
      data: Buffer.from('MZ').toString('base64'),
    })) as { ok: true; value: { file: string } }
    expect(added.value.file).toMatch(/\.exe$/)
    expect(await call('attachments.open', { file: added.value.file })).toEqual({
      ok: true,
      value: { opened: false, blocked: true, shownInFolder: true },
    })
    expect(fake.record.openedPaths).toEqual([])
    expect(fake.record.shownInFolder).toEqual([join(root, 'library', 'attachments', added.value.file)])
  })
})
