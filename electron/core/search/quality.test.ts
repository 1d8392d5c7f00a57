import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../shared/domain/search-query'
import { corpus, type CorpusNote } from '../bench/corpus'
import { benchQueries, isLatinQuery } from '../bench/queries'
import { execute } from './execute'
import { InvertedIndex } from './inverted-index'
import { testDoc } from './test-doc'

/**
 * Tickler's index against plain MiniSearch (prefix, fuzzy 0.2, words ANDed: the bench's baseline) on a
 * generated corpus. A "plain match" holds every query word as a word and the last as the start of one:
 * what someone typing those words expects at the top. Fuzzy matches may rank in, but Tickler's top hits
 * must be plain matches at least as often as MiniSearch's. The bench measures the same on 100,000 notes.
 */
// Small enough for a unit test on a loaded machine: about 130 Latin queries, 1,100 top hits per engine.
const NOTES = [...corpus(1000, 42)]
const QUERIES = benchQueries(NOTES, 150, 7).filter(isLatinQuery)
const TOP = 10

const wordsOf = (note: CorpusNote) => new Set(`${note.title} ${note.text}`.toLowerCase().split(/\s+/u))
const WORDS = NOTES.map(wordsOf)

function isPlainMatch(query: string, note: number): boolean {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean)
  const last = words.pop()!
  const have = WORDS[note]!
  return words.every((w) => have.has(w)) && [...have].some((w) => w.startsWith(last))
}

function tickler(): (query: string) => number[] {
  const index = new InvertedIndex()
  NOTES.forEach((note, i) => index.add(testDoc(String(i), note.text, { title: note.title })))
  index.rebuildPostings()
  const options = { limit: TOP, now: 0, notebookNames: new Map<string, string>(), textOf: () => null }
  return (query) => execute(index, parseQuery(query), options).hits.map((h) => Number(index.ids[h.doc]))
}

function minisearch(): (query: string) => number[] {
  const mini = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ['title', 'text'] })
  mini.addAll(NOTES.map((n, id) => ({ id, title: n.title, text: n.text })))
  return (query) =>
    mini
      .search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND' })
      .slice(0, TOP)
      .map((hit) => hit.id as number)
}

/** Of all top hits over all queries, the share that are plain matches. */
function plainShare(search: (query: string) => number[]): { share: number; hits: number } {
  let hits = 0
  let plain = 0
  for (const query of QUERIES) {
    for (const note of search(query)) {
      hits++
      if (isPlainMatch(query, note)) plain++
    }
  }
  return { share: plain / hits, hits }
}

describe('search quality against MiniSearch', () => {
  it('puts plain matches at the top at least as often as MiniSearch does', () => {
    expect(QUERIES.length).toBeGreaterThan(100)
    const ours = plainShare(tickler())
    const theirs = plainShare(minisearch())
    // Enough hits on both sides for the shares to mean something.
    expect(ours.hits).toBeGreaterThan(500)
    expect(theirs.hits).toBeGreaterThan(500)
    expect(ours.share, `Tickler ${ours.share}, MiniSearch ${theirs.share}`).toBeGreaterThanOrEqual(
      theirs.share,
    )
  })
})
