import { describe, expect, it } from 'vitest'
import { matchRanges, segments } from './highlight'

describe('search highlight', () => {
  it('marks folded matches in the original text, accents and case included', () => {
    expect(segments('Café with Zoë, cafe again', ['cafe', 'zoe'])).toEqual([
      { text: 'Café', hit: true },
      { text: ' with ', hit: false },
      { text: 'Zoë', hit: true },
      { text: ', ', hit: false },
      { text: 'cafe', hit: true },
      { text: ' again', hit: false },
    ])
  })
  it('marks a Korean match inside a longer word and merges overlapping matches', () => {
    expect(segments('후속조치를 정리', ['조치'])).toEqual([
      { text: '후속', hit: false },
      { text: '조치', hit: true },
      { text: '를 정리', hit: false },
    ])
    expect(matchRanges('meeting', ['meet', 'eting'])).toEqual([[0, 7]])
  })
  it('leaves text alone without matches', () => {
    expect(segments('plain', [])).toEqual([{ text: 'plain', hit: false }])
    expect(matchRanges('', ['x'])).toEqual([])
  })
})
