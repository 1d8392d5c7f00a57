import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../shared/domain/search-query'
import { execute } from './execute'
import { InvertedIndex } from './inverted-index'
import { SEARCH_SNAPSHOT_VERSION, deserializeIndex, serializeIndex } from './snapshot-file'
import { testDoc } from './test-doc'

const doc = (id: string, text: string, revision = 1) => testDoc(id, text, { revision, updatedAt: revision })
const ids = (index: InvertedIndex, query: string) =>
  execute(index, parseQuery(query), { limit: 100, now: 0, notebookNames: new Map(), textOf: () => null })
    .hits.map((h) => index.ids[h.doc]!)
    .sort()

describe('inverted index', () => {
  it('replaces a note on update and forgets it on removal, keeping document frequencies right', () => {
    const index = new InvertedIndex()
    index.add(doc('a', 'apple banana'))
    index.add(doc('b', 'banana cherry'))
    index.add(doc('a', 'cherry only', 2))
    expect(ids(index, 'apple ')).toEqual([])
    expect(ids(index, 'cherry ')).toEqual(['a', 'b'])
    expect(index.df[index.dictionary.find('banana') * 4 + 1]).toBe(1)
    expect(index.remove('b')).toBe(true)
    expect(index.remove('b')).toBe(false)
    expect(ids(index, 'cherry ')).toEqual(['a'])
    expect(index.liveCount).toBe(1)
  })

  it('finds terms added after the last block rebuild as well as before it', () => {
    const index = new InvertedIndex()
    index.add(doc('a', 'zebra'))
    index.rebuildPostings()
    index.add(doc('b', 'zebra zest'))
    expect(ids(index, 'zebra ')).toEqual(['a', 'b'])
    expect(ids(index, 'ze')).toEqual(['a', 'b'])
  })

  it('compacts tombstones away once they pile up, with the same answers', () => {
    const index = new InvertedIndex()
    for (let i = 0; i < 3000; i++) index.add(doc(`n${i}`, `word${i % 7} common`))
    for (let i = 0; i < 1500; i++) index.add(doc(`n${i}`, `word${i % 7} common edited`, 2))
    expect(index.needsCompaction()).toBe(true)
    const before = ids(index, 'edited word3 ')
    index.compact()
    expect(index.deadCount).toBe(0)
    expect(index.ids).toHaveLength(3000)
    expect(ids(index, 'edited word3 ')).toEqual(before)
    const all = execute(index, parseQuery('common '), {
      limit: 10,
      now: 0,
      notebookNames: new Map(),
      textOf: () => null,
    })
    expect(all.total).toBe(3000)
  })

  it('round-trips through a snapshot', () => {
    const index = new InvertedIndex()
    index.add(doc('a', '후속조치를 정리 meeting'))
    index.add(doc('b', 'Meeting notes'))
    index.remove('b')
    index.add(doc('c', 'café notes', 3))
    const copy = deserializeIndex(serializeIndex(index))
    expect(copy.ids).toEqual(['a', 'c'])
    expect(copy.revision[1]).toBe(3)
    expect(ids(copy, '조치')).toEqual(['a'])
    expect(ids(copy, 'cafe')).toEqual(['c'])
    expect(ids(copy, 'notes ')).toEqual(['c'])
    copy.add(doc('d', 'notes again'))
    expect(ids(copy, 'notes ')).toEqual(['c', 'd'])
  })

  it('round-trips the posting block as is when it is the whole index', () => {
    const index = new InvertedIndex()
    for (let i = 0; i < 50; i++) index.add(doc(`n${i}`, `word${i % 7} common ${i % 2 ? 'odd' : 'even'}`))
    index.rebuildPostings()
    expect(index.postingsAreCompact()).toBe(true)
    const copy = deserializeIndex(serializeIndex(index))
    for (const q of ['word3 odd', 'comm', 'eve ', 'word'])
      expect([q, ids(copy, q)]).toEqual([q, ids(index, q)])
    expect(Array.from(copy.df.subarray(0, index.terms.length * 4))).toEqual(
      Array.from(index.df.subarray(0, index.terms.length * 4)),
    )
  })

  it('refuses a snapshot that is truncated, altered or from another version', () => {
    const index = new InvertedIndex()
    index.add(doc('a', 'some text'))
    const good = serializeIndex(index)
    expect(() => deserializeIndex(good.subarray(0, good.length - 8))).toThrow(/checksum|truncated/)
    const altered = Buffer.from(good)
    altered[altered.length - 5]! ^= 0xff
    expect(() => deserializeIndex(altered)).toThrow(/checksum/)
    const other = Buffer.from(good)
    other.writeUInt32LE(SEARCH_SNAPSHOT_VERSION + 1, 4)
    expect(() => deserializeIndex(other)).toThrow(/version/)
    expect(() => deserializeIndex(Buffer.from('not an index'))).toThrow(/not a search index/)
  })
})
