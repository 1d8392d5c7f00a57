import { describe, expect, it } from 'vitest'
import { snippetFor } from './snippet'

const filler = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ')

describe('snippetFor', () => {
  it('shows a short note whole, with whitespace collapsed', () => {
    expect(snippetFor('Call  Kim\n\nabout the quote', ['quote'])).toBe('Call Kim about the quote')
  })

  it('centres a long note on its earliest match and marks what was cut', () => {
    const text = `${filler(60)} Renewal call with Kim ${filler(60)}`
    const snippet = snippetFor(text, ['renewal'])
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet).toContain('Renewal call with Kim')
    expect(snippet.length).toBeLessThanOrEqual(162)
  })

  it('opens at a word boundary, not inside a word', () => {
    const text = `${filler(60)} Renewal call ${filler(60)}`
    const body = snippetFor(text, ['renewal']).slice(1)
    expect(body.split(' ')[0]).toMatch(/^word\d+$/)
  })

  it('finds accented and upper-case text by its folded term, keeping the original letters', () => {
    const text = `${filler(60)} Le CAFÉ crème ${filler(60)}`
    expect(snippetFor(text, ['cafe'])).toContain('Le CAFÉ crème')
  })

  it('finds Korean text inside a longer word', () => {
    const text = `${filler(60)} 고객에게 후속조치를 보냈다 ${filler(60)}`
    expect(snippetFor(text, ['후속조치'])).toContain('후속조치를 보냈다')
  })

  it('keeps positions right where folding changes the length of the text', () => {
    // Decomposed accents (as some Mac apps write them) fold away: the match after them is further left
    // in the folded text than in the note, and must still be cut out at the right place.
    const text = `${'Cafe\u0301 '.repeat(100)} ${filler(30)} Renewal call ${filler(60)}`
    expect(snippetFor(text, ['renewal'])).toContain('Renewal call')
  })

  it('finds a match far into a long note, also where it straddles two pieces of the scan', () => {
    for (let pad = 2030; pad < 2060; pad++) {
      const text = `${'x'.repeat(pad)} Renewal call ${filler(60)}`
      expect(snippetFor(text, ['renewal'])).toContain('Renewal call')
    }
    expect(snippetFor(`${filler(2000)} Renewal call`, ['renewal'])).toMatch(/^….*Renewal call$/)
  })

  it('starts at the beginning when the match is only in the title or a tag', () => {
    const text = filler(100)
    expect(snippetFor(text, ['absent']).startsWith('word0 word1')).toBe(true)
  })
})
