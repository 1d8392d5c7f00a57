import { describe, expect, it } from 'vitest'
import { DRAFT_KEY, loadDraft, storeDraft, withClipboardBody } from './draft'

function memory() {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  }
}

describe('capture draft', () => {
  it('round-trips and clears when empty', () => {
    const s = memory()
    storeDraft({ text: '견적 회신', ignoreFollowUp: true }, s)
    expect(loadDraft(s)).toEqual({ text: '견적 회신', ignoreFollowUp: true })
    storeDraft({ text: '', ignoreFollowUp: false }, s)
    expect(s.map.has(DRAFT_KEY)).toBe(false)
  })

  it('drops a damaged draft instead of failing', () => {
    const s = memory()
    s.map.set(DRAFT_KEY, '{not json')
    expect(loadDraft(s)).toEqual({ text: '', ignoreFollowUp: false })
    s.map.set(DRAFT_KEY, '{"text": 5}')
    expect(loadDraft(s).text).toBe('')
  })

  it('puts the clipboard in the body, keeping the title line', () => {
    const link = { text: 'https://acme.test/q', url: 'https://acme.test/q', title: 'ACME quote' }
    expect(withClipboardBody('Call Kim\nold body', { text: 'notes', url: null, title: null })).toBe(
      'Call Kim\nnotes',
    )
    expect(withClipboardBody('Call Kim', link)).toBe('Call Kim\nACME quote\nhttps://acme.test/q')
    expect(withClipboardBody('', link)).toBe('ACME quote\nhttps://acme.test/q')
    expect(withClipboardBody('', { text: 'pasted', url: null, title: null })).toBe('\npasted')
    expect(withClipboardBody('Keep', { text: '  ', url: null, title: null })).toBe('Keep')
  })
})
