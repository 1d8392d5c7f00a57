import { describe, expect, it } from 'vitest'
import { rng } from '../bench/corpus'
import { atomScores } from './atom-cache'
import { expand } from './expand'
import { intersect } from './intersect'
import type { IndexDoc } from './index-doc'
import { InvertedIndex } from './inverted-index'
import { Scorer } from './score'
import { queryParts } from './tokenize'

/**
 * A query scores a document along one of three paths — walking postings (with the block's precomputed
 * impacts, or computed for notes added since), a cached score vector, or the document's forward list —
 * chosen by cost. Whichever is taken, the score must be the same, or rankings would depend on the route.
 */
const SYLLABLES = ['sel', 'sela', 'din', 'dina', 'bri', 'kad', 'mo', 'ra', 'tu', 'ven']
function randomDoc(random: () => number, id: string): IndexDoc {
  const word = () =>
    Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () => SYLLABLES[Math.floor(random() * SYLLABLES.length)],
    ).join('')
  const words = (n: number) => Array.from({ length: n }, word).join(' ')
  return {
    id,
    revision: 1,
    title: random() < 0.7 ? words(1 + Math.floor(random() * 4)) : '',
    text: words(Math.floor(random() * 80)),
    tags: random() < 0.3 ? [word()] : [],
    notebookId: 'nb',
    notebookName: random() < 0.2 ? word() : '',
    boardId: '',
    createdAt: 0,
    updatedAt: 0,
    dueAt: NaN,
    flags: 0,
  }
}

describe('scoring paths', () => {
  it('give every document the same score whichever path a query takes', () => {
    const random = rng(3)
    const index = new InvertedIndex()
    for (let i = 0; i < 400; i++) index.add(randomDoc(random, `a${i}`))
    index.rebuildPostings() // these notes' postings have impacts …
    for (let i = 0; i < 60; i++) index.add(randomDoc(random, `b${i}`)) // … these are scored as they come
    for (let i = 0; i < 30; i++) index.add(randomDoc(random, `a${i * 7}`)) // re-saved: old copies tombstoned
    index.remove('a5')
    const scorer = new Scorer(index)
    const norms = new Float64Array(index.ids.length)
    scorer.textNorms(norms)
    let compared = 0
    for (const word of ['sel', 'dinase', 'br', 'kadmo', 'ven']) {
      const atom = expand(index, queryParts(word, true)[0]!, true, null)
      const walked = intersect(index, scorer, [atom])
      const cached = atomScores(index, scorer, atom, norms)
      expect([...cached.docs].sort((x, y) => x - y)).toEqual([...walked.docs].sort((x, y) => x - y))
      for (let doc = 0; doc < index.ids.length; doc++) {
        const forward = index.alive[doc] ? scorer.atom(atom, doc, null) : 0
        const viaWalk = walked.docs.includes(doc) ? walked.acc[doc]! : 0
        expect(viaWalk).toBeCloseTo(forward, 5)
        expect(cached.scores[doc]! * index.alive[doc]!).toBeCloseTo(forward, 5)
        if (forward > 0) compared++
      }
    }
    expect(compared).toBeGreaterThan(500)
  })
})
