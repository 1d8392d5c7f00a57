import { describe, expect, it } from 'vitest'
import { createFakeTransfer } from '../../../../test/fake-transfer'
import { shouldAttachPaste, uploadFiles } from './upload'

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
    const api = createFakeTransfer()
    const added: string[] = []
    const add = api.attachments.add
    api.attachments.add = async (input) => (added.push(input.name), add(input))
    const big = new File([new Uint8Array(11)], 'big.mov', { type: 'video/quicktime' })
    const small = new File([new Uint8Array(3)], 'note.txt', { type: 'text/plain' })
    const outcomes = await uploadFiles(api, [big, small], 10)
    expect(outcomes.map((o) => (o.ok ? o.ref.name : `${o.reason}:${o.file.name}`))).toEqual([
      'too-large:big.mov',
      'note.txt',
    ])
    expect(added).toEqual(['note.txt'])
  })

  it('reports a refusal from core with its message instead of dropping the file silently', async () => {
    const api = createFakeTransfer()
    api.attachments.add = () =>
      Promise.reject(new Error('"a.bin" is 60 MB; attachments can be at most 50 MB.'))
    const [outcome] = await uploadFiles(api, [new File(['x'], 'a.bin')], 100)
    expect(outcome).toMatchObject({
      ok: false,
      reason: 'failed',
      message: expect.stringContaining('at most 50 MB'),
    })
  })
})
