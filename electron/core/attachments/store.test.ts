import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_ATTACHMENT_BASE64, MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment'
import { contract } from '../../shared/contract'
import { dispatch, type Handlers } from '../../shared/rpc'
import { useTempDirs } from '../test-support/temp-dir'
import { createAttachmentHandlers } from './handlers'
import { lookupAttachment } from './protocol'
import { AttachmentStore } from './store'

const tempDir = useTempDirs()
const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('attachment store', () => {
  it('stores bytes under their SHA-256 once, however often and under whatever name they are added', async () => {
    const dir = tempDir()
    const store = new AttachmentStore(dir)
    const a = await store.add(png, 'screenshot.PNG', 'image/png')
    const b = await store.add(png, '../../etc/other.jpeg', 'image/jpeg')
    expect(a).toEqual({
      file: `${sha(png)}.png`,
      name: 'screenshot.PNG',
      size: png.length,
      mime: 'image/png',
    })
    expect(b.file).toBe(a.file)
    expect(b.name).toBe('other.jpeg') // a display name, stripped of any path
    expect(readdirSync(join(dir, 'attachments'))).toEqual([a.file])
    expect(readFileSync(join(dir, 'attachments', a.file))).toEqual(png)
  })

  it(`refuses a file over the limit with a sentence naming the file and the limit, storing nothing`, async () => {
    const dir = tempDir()
    const store = new AttachmentStore(dir)
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1)
    await expect(store.add(big, 'video.mov', 'video/quicktime')).rejects.toThrow(
      /"video.mov" is 50(\.0)? MB; attachments can be at most 50 MB\. It was not added\./,
    )
    expect(() => readdirSync(join(dir, 'attachments'))).toThrow() // the folder was never even created
  })

  it('accepts a file of exactly the limit', async () => {
    const store = new AttachmentStore(tempDir())
    const ref = await store.add(Buffer.alloc(MAX_ATTACHMENT_BYTES), 'exact.bin', '')
    expect(ref.size).toBe(MAX_ATTACHMENT_BYTES)
  })
})

describe('attachment protocol lookup', () => {
  async function setUp() {
    const dir = tempDir()
    const store = new AttachmentStore(dir)
    const ref = await store.add(png, 'a.png', 'image/png')
    writeFileSync(join(dir, 'secret.txt'), 'library secret')
    writeFileSync(join(dir, 'attachments', 'notes.txt'), 'not hash-named')
    return { dir, store, ref }
  }

  it('serves a stored attachment with its type', async () => {
    const { store, ref } = await setUp()
    const found = await lookupAttachment(store, `/${ref.file}`)
    expect(found).toMatchObject({ status: 200, mime: 'image/png' })
  })

  it.each([
    ['../secret.txt'],
    ['/../secret.txt'],
    ['..%2Fsecret.txt'],
    ['%2e%2e%2fsecret.txt'],
    ['..%5Csecret.txt'],
    ['/etc/passwd'],
    ['%2Fetc%2Fpasswd'],
    ['notes.txt'],
    [`${'a'.repeat(64)}.png%00.txt`],
    [`${'A'.repeat(64)}.png`],
    [`sub/${'a'.repeat(64)}.png`],
    ['%E0%A4%A'],
  ])('refuses %s', async (path) => {
    const { store } = await setUp()
    const found = await lookupAttachment(store, path)
    expect(found.status).not.toBe(200)
    expect([400, 403]).toContain(found.status)
  })

  it('refuses a hash-named symlink that points out of the folder', async () => {
    const { dir, store } = await setUp()
    const name = `${'b'.repeat(64)}.txt`
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'attachments', name))
    expect((await lookupAttachment(store, name)).status).toBe(403)
  })

  it('answers 404 for a well-formed name that is not stored', async () => {
    const { store } = await setUp()
    expect((await lookupAttachment(store, `${'c'.repeat(64)}.png`)).status).toBe(404)
  })

  it('refuses a hash-named directory', async () => {
    const { dir, store } = await setUp()
    mkdirSync(join(dir, 'attachments', `${'d'.repeat(64)}.png`))
    expect((await lookupAttachment(store, `${'d'.repeat(64)}.png`)).status).toBe(404)
  })
})

describe('attachment contract', () => {
  const handlersFor = (dir: string, openPath?: (p: string) => Promise<boolean>) =>
    createAttachmentHandlers(dir, { openPath }) as unknown as Handlers

  it('adds base64 bytes and opens only resolved files inside the folder', async () => {
    const dir = tempDir()
    const opened: string[] = []
    const handlers = handlersFor(dir, async (p) => (opened.push(p), true))
    const added = await dispatch(handlers, 'attachments.add', {
      name: 'report.pdf',
      mime: 'application/pdf',
      data: Buffer.from('%PDF-1.4').toString('base64'),
    })
    expect(added).toMatchObject({ ok: true, value: { name: 'report.pdf', size: 8, mime: 'application/pdf' } })
    const file = (added as { value: { file: string } }).value.file
    expect(await dispatch(handlers, 'attachments.open', { file })).toEqual({
      ok: true,
      value: { opened: true, blocked: false, shownInFolder: false },
    })
    expect(opened).toEqual([join(dir, 'attachments', file)])
    const refused = await dispatch(handlers, 'attachments.open', { file: '../secret.txt' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(opened).toHaveLength(1)
  })

  it.each([
    ['invoice.pdf.exe', 'application/pdf'],
    ['setup.msi', 'application/octet-stream'],
    ['run.sh', 'text/plain'],
    ['page.html', 'text/html'],
    ['drawing.svg', 'image/svg+xml'],
    ['macro.docm', 'application/pdf'],
    ['noextension', 'application/x-msdownload'],
  ])('never hands %s (%s) to the OS; it is shown in its folder instead', async (name, mime) => {
    const dir = tempDir()
    const opened: string[] = []
    const shown: string[] = []
    const handlers = createAttachmentHandlers(dir, {
      openPath: async (p) => (opened.push(p), true),
      showInFolder: (p) => void shown.push(p),
    }) as unknown as Handlers
    const added = await dispatch(handlers, 'attachments.add', { name, mime, data: Buffer.from('MZ').toString('base64') })
    const file = (added as { value: { file: string } }).value.file
    expect(await dispatch(handlers, 'attachments.open', { file })).toEqual({
      ok: true,
      value: { opened: false, blocked: true, shownInFolder: true },
    })
    expect(opened).toEqual([])
    expect(shown).toEqual([join(dir, 'attachments', file)])
  })

  it.each(['report.pdf', 'photo.JPG', 'notes.docx', 'talk.mp4', 'song.mp3', 'sheet.xlsx'])(
    'opens a document or media file (%s) with the OS',
    async (name) => {
      const dir = tempDir()
      const opened: string[] = []
      const handlers = handlersFor(dir, async (p) => (opened.push(p), true))
      const added = await dispatch(handlers, 'attachments.add', { name, mime: '', data: 'AAAA' })
      const file = (added as { value: { file: string } }).value.file
      expect(await dispatch(handlers, 'attachments.open', { file })).toMatchObject({ ok: true, value: { opened: true } })
      expect(opened).toHaveLength(1)
    },
  )

  it('refuses an oversized upload at the contract with a readable reason', async () => {
    const schema = contract['attachments.add'].input
    const result = schema.safeParse({ name: 'x', mime: '', data: 'A'.repeat(MAX_ATTACHMENT_BASE64 + 4) })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toMatch(/larger than 50 MB/)
  })

  it('refuses data that is not base64', async () => {
    const result = await dispatch(handlersFor(tempDir()), 'attachments.add', {
      name: 'x',
      mime: '',
      data: '<script>',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringMatching(/base64/) },
    })
  })
})
