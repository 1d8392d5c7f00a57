import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useMainApp } from './testing/main-app'

/* The real main start-up with a recording 'electron': the attachment protocol and shell.openPath wiring. */
const app = useMainApp('tickler-main-att')

async function start() {
  await app.started()
  await vi.waitFor(() => expect(app.fake.protocols.has('tickler-attachment')).toBe(true))
  const handler = app.fake.protocols.get('tickler-attachment')
  if (!handler) throw new Error('attachment protocol not handled')
  return { handler, call: (name: string, input: unknown) => app.call(name, input) }
}

describe('tickler-attachment: in Electron main', () => {
  it('is registered as a privileged standard scheme before the app is ready', async () => {
    await start()
    // One list: Electron takes registerSchemesAsPrivileged once.
    expect(app.fake.record.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
      expect.objectContaining({
        scheme: 'tickler-attachment',
        privileges: expect.objectContaining({ standard: true }),
      }),
    ])
  })

  it('serves an added attachment and refuses paths outside the folder', async () => {
    const { handler, call } = await start()
    await writeFile(join(app.dataDir, 'secret.txt'), 'secret')
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
    expect(app.fake.record.openedPaths).toEqual([join(app.dataDir, 'attachments', added.value.file)])
    const missing = await call('attachments.open', { file: `${'e'.repeat(64)}.pdf` })
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(app.fake.record.openedPaths).toHaveLength(1)
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
    expect(app.fake.record.openedPaths).toEqual([])
    expect(app.fake.record.shownInFolder).toEqual([join(app.dataDir, 'attachments', added.value.file)])
  })
})
