import { readdir } from 'node:fs/promises'
import { expect, test } from '../fixtures'
import { rawRequest } from '../preview/test-helpers'

test.describe('contract through the preview', () => {
  test('bad input is refused with a message naming the field, and nothing is saved', async ({
    page,
    preview,
  }) => {
    await page.goto(preview.url)
    const created = (await page.evaluate(() => window.tickler.notes.create({ title: 'Original' }))) as {
      id: string
      revision: number
    }

    const longTitle = await page.evaluate(
      (id) =>
        window.tickler.notes.update({ id, title: 'x'.repeat(600) }).then(
          () => 'saved',
          (e: Error) => e.message,
        ),
      created.id,
    )
    expect(longTitle).toBe('Invalid input for notes.update: title: a title is at most 500 characters')

    const badId = await page.evaluate(() =>
      window.tickler.notes.update({ id: '../etc', title: 'Escaped' }).then(
        () => ({ code: 'none', message: 'saved' }),
        (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
      ),
    )
    expect(badId.code).toBe('BAD_INPUT')
    expect(badId.message).toMatch(/^Invalid input for notes\.update: id: /)

    const after = (await page.evaluate((id) => window.tickler.notes.get({ id }), created.id)) as {
      title: string
      revision: number
    }
    expect(after).toMatchObject({ title: 'Original', revision: created.revision })
    const titles = (await page.evaluate(() => window.tickler.notes.list({}))).map((note) => note.title)
    expect(titles).toEqual(['Original'])
    expect(JSON.stringify(await readdir(preview.dataDir, { recursive: true }))).not.toMatch(/etc|Escaped/)
  })

  test('an unknown id is NOT_FOUND with a readable message', async ({ page, preview }) => {
    await page.goto(preview.url)
    const result = await page.evaluate(() =>
      window.tickler.notes.get({ id: 'no-such-note' }).then(
        () => ({ name: 'none', code: 'none', message: '' }),
        (e: { name: string; code: string; message: string }) => ({
          name: e.name,
          code: e.code,
          message: e.message,
        }),
      ),
    )
    expect(result).toMatchObject({ name: 'TicklerError', code: 'NOT_FOUND' })
    expect(result.message).toMatch(/no-such-note|not found/i)
  })

  test('a request without the token gets 401, and one with a foreign Host gets 403', async ({
    page,
    preview,
  }) => {
    await page.goto(preview.url)
    const statuses = await page.evaluate(async () => {
      const post = (headers: Record<string, string>) =>
        fetch('/api/notes.list', { method: 'POST', headers, body: '{}' }).then((r) => r.status)
      return { none: await post({}), wrong: await post({ 'x-tickler-token': 'guess' }) }
    })
    expect(statuses).toEqual({ none: 401, wrong: 401 })

    const rebound = await rawRequest(preview.port, {
      method: 'POST',
      path: '/api/notes.list',
      headers: { host: `attacker.example:${preview.port}`, 'x-tickler-token': preview.token },
      body: '{}',
    })
    expect(rebound.status).toBe(403)
  })

  test('library changes reach window.tickler.on through the event stream', async ({ page, preview }) => {
    await page.goto(preview.url)
    const change = await page.evaluate(
      () =>
        new Promise<{ noteIds: string[] }>((resolve, reject) => {
          // The stream connects asynchronously and has no ready signal, so keep causing changes until one arrives.
          const poke = setInterval(() => void window.tickler.notes.create({ title: 'Evented' }), 250)
          setTimeout(
            () => (clearInterval(poke), reject(new Error('no library.changed event within 5 s'))),
            5_000,
          )
          window.tickler.on('library.changed', (payload) => {
            clearInterval(poke)
            resolve(payload)
          })
        }),
    )
    expect(change.noteIds.length).toBeGreaterThan(0)
    const ids = (await page.evaluate(() => window.tickler.notes.list({}))).map((note) => note.id)
    expect(ids).toEqual(expect.arrayContaining(change.noteIds))
  })

  test('the token survives a reload after the URL loses it', async ({ page, preview }) => {
    await page.goto(preview.url)
    await page.goto(`http://127.0.0.1:${preview.port}/`)
    const info = await page.evaluate(() => window.tickler.app.info({}))
    expect(info).toMatchObject({ preview: true, dataDir: preview.dataDir })
  })
})
