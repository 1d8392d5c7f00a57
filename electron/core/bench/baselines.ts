import Database from 'better-sqlite3'
import { Index as FlexIndex } from 'flexsearch'
import MiniSearch from 'minisearch'
import type { CorpusNote } from './corpus'

/**
 * Other search engines built over the same corpus and asked the same queries as Tickler's, so that every
 * ratio the search bench prints comes from one run on one machine. Each is set up to answer the question
 * Tickler answers: every word of the query must match, the last ones as prefixes of longer words.
 */
export interface Baseline {
  name: string
  /** The ids (corpus positions) of the best `limit` hits. */
  search(query: string, limit: number): number[]
  /** The memory its index takes, in bytes (see each engine's note on how it is measured). */
  bytes(): number
  close(): void
}

export interface BaselineFactory {
  name: string
  build(notes: readonly CorpusNote[]): Baseline
}

/** Plain MiniSearch as the architecture guide suggests it: prefix and fuzzy 0.2, all words ANDed. */
const minisearch: BaselineFactory = {
  name: 'minisearch',
  build(notes) {
    const mini = new MiniSearch<{ id: number; title: string; text: string }>({ fields: ['title', 'text'] })
    mini.addAll(notes.map((n, id) => ({ id, title: n.title, text: n.text })))
    return {
      name: this.name,
      search: (query, limit) =>
        mini
          .search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND' })
          .slice(0, limit)
          .map((hit) => hit.id as number),
      bytes: () => 0, // measured as the JS heap it adds (search-bench.ts)
      close: () => undefined,
    }
  },
}

/**
 * FlexSearch 0.8, one flat index over title and text with forward (prefix) tokenising: its Document
 * index would AND the words within each field separately, which is not the question asked here.
 */
const flexsearch: BaselineFactory = {
  name: 'flexsearch',
  build(notes) {
    const index = new FlexIndex({ tokenize: 'forward' })
    notes.forEach((n, id) => index.add(id, `${n.title}\n${n.text}`))
    return {
      name: this.name,
      search: (query, limit) => index.search(query, { limit }) as number[],
      bytes: () => 0, // the JS heap it adds
      close: () => undefined,
    }
  },
}

/** The query's words for FTS5: each quoted (no operator survives) and as a prefix; FTS5 ANDs them. */
export const fts5Query = (query: string): string =>
  (query.match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => `"${word}"*`).join(' ')

/**
 * SQLite FTS5 (better-sqlite3) in an in-memory database, ranked by its BM25. Its index lives outside the
 * JS heap, so its memory is the database's size: page count × page size.
 */
const sqliteFts5: BaselineFactory = {
  name: 'sqlite-fts5',
  build(notes) {
    const db = new Database(':memory:')
    db.exec(`CREATE VIRTUAL TABLE notes USING fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')`)
    const insert = db.prepare('INSERT INTO notes (rowid, title, text) VALUES (?, ?, ?)')
    db.transaction(() => notes.forEach((n, id) => insert.run(id, n.title, n.text)))()
    const select = db.prepare('SELECT rowid FROM notes WHERE notes MATCH ? ORDER BY rank LIMIT ?').pluck()
    return {
      name: this.name,
      search: (query, limit) => {
        const match = fts5Query(query)
        return match ? (select.all(match, limit) as number[]) : []
      },
      bytes: () =>
        (db.pragma('page_count', { simple: true }) as number) *
        (db.pragma('page_size', { simple: true }) as number),
      close: () => db.close(),
    }
  },
}

export const BASELINES: readonly BaselineFactory[] = [minisearch, flexsearch, sqliteFts5]
