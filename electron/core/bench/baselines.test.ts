import { describe, expect, it } from 'vitest'
import { BASELINES, fts5Query } from './baselines'
import type { CorpusNote } from './corpus'

const notes: CorpusNote[] = [
  { title: 'Quote for Kim', text: 'send the revised quote before friday', language: 'en' },
  { title: 'Dinner', text: 'dinner with Selma on friday', language: 'en' },
  { title: 'Quarterly report', text: 'numbers for the board', language: 'en' },
]

describe('search bench baselines', () => {
  for (const factory of BASELINES) {
    it(`${factory.name} ANDs the words, the last one as a prefix, and reports its memory`, () => {
      const peer = factory.build(notes)
      try {
        expect(peer.search('quote fri', 20)).toEqual([0])
        expect(peer.search('friday', 20).sort()).toEqual([0, 1])
        expect(peer.search('dinner board', 20)).toEqual([])
        expect(peer.bytes()).toBeGreaterThanOrEqual(0)
      } finally {
        peer.close()
      }
    })
  }

  it('passes FTS5 no operator or quote from the query', () => {
    expect(fts5Query('"quote" OR NOT fri*')).toBe('"quote"* "OR"* "NOT"* "fri"*')
    expect(fts5Query('-- ()')).toBe('')
    const peer = BASELINES.find((b) => b.name === 'sqlite-fts5')!.build(notes)
    expect(peer.search('NEAR( "quote', 20)).toEqual([]) // no syntax error: the words are only words
    peer.close()
  })
})
