import { describe, expect, it, vi } from 'vitest'
import { realApiPerTest } from '../../../../../electron/core/test-support/real-api'
import { shouldAttachPaste, uploadFiles } from './upload'

const openApi = realApiPerTest()

const clipboard = (files: File[], html = '') => ({
  files: files as unknown as FileList,
  getData: (type: string) => (type === 'text/html' ? html : ''),
})

describe('attachment upload', () => {
  it('takes a pasted picture, but leaves Word/web HTML with words to the HTML paste', () => {
    const png = new File([new Uint8Array([1])], 'shot.png', { type: 'image/png' })
    expect(shouldAttachPaste(clipboard([png]))).toBe(true)
    expect(shouldAttachPaste(clipboard([png], '<img src="x.png">'))).toBe(true)
    expect(shouldAttachPaste(clipboard([png], '<p>Quarterly <b>numbers</b></p>'))).toBe(false)
    expect(shouldAttachPaste(clipboard([], '<p>text</p>'))).toBe(false)
  })

  it('refuses a file over the limit before reading it, and still stores the others', async () => {
    const { api } = await openApi()
    const add = vi.spyOn(api.attachments, 'add')
    const big = new File([new Uint8Array(11)], 'big.mov', { type: 'video/quicktime' })
    const small = new File([new Uint8Array(3)], 'note.txt', { type: 'text/plain' })
    const outcomes = await uploadFiles(api, [big, small], 10)
    expect(outcomes.map((o) => (o.ok ? o.ref.name : `${o.reason}:${o.file.name}`))).toEqual([
      'too-large:big.mov',
      'note.txt',
    ])
    expect(add.mock.calls.map(([input]) => input.name)).toEqual(['note.txt'])
    expect(outcomes[1]).toMatchObject({ ok: true, ref: { size: 3, mime: 'text/plain' } })
  })

  it('reports a refusal from core with its message instead of dropping the file silently', async () => {
    const { api } = await openApi()
    // Small enough for the page, but a name longer than the contract takes: core is the one saying no.
    const [outcome] = await uploadFiles(api, [new File(['x'], `${'a'.repeat(300)}.bin`)], 100)
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'failed',
      message: expect.stringMatching(/^Invalid input for attachments\.add: .*name/),
    })
  })
})
