import { existsSync, readdirSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { createPreviewServer, type PreviewServer } from './preview-server'
import { makeRendererFixture, rawRequest } from './test-helpers'

const open: PreviewServer[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()))
})

async function start(dataDir: string, rendererDir: string) {
  const server = await createPreviewServer({ dataDir, port: 0, rendererDir })
  open.push(server)
  return server
}

const call = async (server: PreviewServer, method: string, input: unknown) => {
  const res = await rawRequest(server.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { host: `localhost:${server.port}`, 'x-tickler-token': server.token },
    body: JSON.stringify(input),
  })
  return JSON.parse(res.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } }
}

describe('preview server over the real core', () => {
  it('saves a note to the data folder and reads it back after a restart', async () => {
    const { dataDir, rendererDir } = makeRendererFixture()
    const first = await start(dataDir, rendererDir)
    const info = await call(first, 'app.info', {})
    expect(info.value).toMatchObject({ preview: true, platform: process.platform })
    const created = await call(first, 'notes.create', { title: 'Follow up with Kim 한글' })
    expect(created.ok).toBe(true)
    await first.close()
    expect(existsSync(dataDir) && readdirSync(dataDir).length).toBeTruthy()

    const second = await start(dataDir, rendererDir)
    const list = await call(second, 'notes.list', {})
    expect((list.value as { title: string }[]).map((note) => note.title)).toEqual(['Follow up with Kim 한글'])
  })

  it('refuses a second writer on the same folder while the first holds it', async () => {
    const { dataDir, rendererDir } = makeRendererFixture()
    await start(dataDir, rendererDir)
    await expect(createPreviewServer({ dataDir, port: 0, rendererDir })).rejects.toMatchObject({
      code: 'LOCKED',
    })
  })

  it('reports a missing note as NOT_FOUND, not as a crash', async () => {
    const { dataDir, rendererDir } = makeRendererFixture()
    const server = await start(dataDir, rendererDir)
    const res = await call(server, 'notes.get', { id: 'does-not-exist' })
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
