import { describe, expect, it } from 'vitest'
import { readClipboardContent, type ClipboardLike } from './capture-clipboard'

function fakeClipboard(text: string, bookmark?: { title: string; url: string } | 'throws'): ClipboardLike {
  return {
    readText: async () => text,
    read: async () => {
      if (bookmark === 'throws') throw new Error('unsupported')
      return bookmark
        ? [{ types: ['text/plain', 'electron application/bookmark'], getType: async () => bookmark }]
        : [{ types: ['text/plain'], getType: async () => Promise.reject(new Error('no bookmark')) }]
    },
  }
}

describe('capture clipboard', () => {
  it('reads plain text, bounded and without NULs', async () => {
    expect(await readClipboardContent(fakeClipboard(' notes\0 from the call '))).toEqual({
      text: 'notes from the call',
      url: null,
      title: null,
    })
    expect((await readClipboardContent(fakeClipboard('a'.repeat(30_000)))).text).toHaveLength(20_000)
  })

  it('recognises a web link, and takes its title from a bookmark where the clipboard has one', async () => {
    expect((await readClipboardContent(fakeClipboard('https://example.com/a b'))).url).toBeNull()
    expect(await readClipboardContent(fakeClipboard('https://example.com/quote'))).toEqual({
      text: 'https://example.com/quote',
      url: 'https://example.com/quote',
      title: null,
    })
    const bookmark = { title: ' Quote — ACME ', url: 'https://acme.test/q' }
    expect(await readClipboardContent(fakeClipboard('', bookmark))).toEqual({
      text: 'https://acme.test/q',
      url: 'https://acme.test/q',
      title: 'Quote — ACME',
    })
  })

  it('never takes a link that is not http(s), and survives a clipboard that cannot be read', async () => {
    expect(await readClipboardContent(fakeClipboard('javascript:alert(1)'))).toMatchObject({
      url: null,
      text: 'javascript:alert(1)',
    })
    const file = fakeClipboard('', { title: 'x', url: 'file:///etc/passwd' })
    expect(await readClipboardContent(file)).toEqual({ text: '', url: null, title: null })
    expect(await readClipboardContent(fakeClipboard('text', 'throws'))).toEqual({
      text: 'text',
      url: null,
      title: null,
    })
    const broken: ClipboardLike = { readText: () => Promise.reject(new Error('x')), read: async () => [] }
    expect(await readClipboardContent(broken)).toEqual({ text: '', url: null, title: null })
  })
})
