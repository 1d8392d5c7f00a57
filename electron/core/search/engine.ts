import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getHeapStatistics } from 'node:v8'
import type { Note } from '../../shared/model'
import { parseQuery } from '../../shared/domain/search-query'
import { writeFileDurable } from '../durable-file'
import { upgradeNote } from '../migrations'
import { execute } from './execute'
import { toIndexDoc, type IndexDoc } from './index-doc'
import { InvertedIndex } from './inverted-index'
import { deserializeIndex, serializeIndex } from './snapshot-file'
import { isNoteId } from '../note-files'
import { snippetFor } from './snippet'

export interface SearchHit {
  id: string
  title: string
  snippet: string
  score: number
  matches: string[]
}
export interface SearchResult {
  hits: SearchHit[]
  ignored: string[]
  total: number
  /** False while the library is still being indexed: hits come from the notes indexed so far. */
  complete: boolean
}
/** The library's notes newest first with their revisions: what the index must end up holding. */
export interface Catalog {
  ids: string[]
  revisions: number[]
}
export interface BuildReport {
  fromSnapshot: boolean
  /** Why the snapshot was not used, when it was not. */
  rebuildReason: string | null
  indexed: number
  ms: number
}

export const searchSnapshotPath = (dataDir: string) => join(dataDir, 'cache', 'search-index.bin')
/** Notes indexed between two yields: small enough that a query waits at most a few milliseconds. */
const BATCH = 250
/** Parsed notes kept for hits (a few MB at most). */
const SHOWN_NOTES = 500

/**
 * While a first build defers postings (InvertedIndex.deferPostings), whether to build the block
 * now: after the first batch, so the newest notes are found within the first second, then whenever the
 * notes waiting outnumber those in the block four to one — each block costs as much as all it holds, so
 * they stay a fraction of the last — except in the second half of the work, where the last block is near.
 */
function worthABlock(index: InvertedIndex, left: number): boolean {
  const waiting = index.waitingForPostings()
  const inBlock = index.ids.length - waiting
  return waiting > 0 && (inBlock === 0 || (waiting >= 4 * inBlock && left >= index.ids.length))
}

/** The index and everything around it: building, snapshots, queries. Runs inside the search worker. */
export class SearchEngine {
  index = new InvertedIndex()
  notebookNames = new Map<string, string>()
  complete = false
  private dirty = false
  /**
   * Notes recently shown as hits, by id: the same long notes top many queries, and reading and parsing
   * twenty note files was a third of a typical query's time. An entry is used only while its revision is
   * the one the index holds.
   */
  private shown = new Map<string, Note>()

  constructor(
    readonly dataDir: string,
    private readonly persist: boolean,
  ) {}

  private readNote(id: string): Note | null {
    if (!isNoteId(id)) return null // only a note id names a file under notes/
    try {
      return upgradeNote(JSON.parse(readFileSync(join(this.dataDir, 'notes', `${id}.json`), 'utf8'))).note
    } catch {
      return null // deleted, unreadable or newer: the library reports those; search just skips them
    }
  }

  private loadSnapshot(): string | null {
    let file: Buffer
    try {
      file = readFileSync(searchSnapshotPath(this.dataDir))
    } catch {
      return 'no snapshot'
    }
    try {
      this.index = deserializeIndex(file)
      return null
    } catch (error) {
      return (error as Error).message
    }
  }

  /**
   * Brings the index in line with the catalog: from the snapshot when it is usable (reading only notes
   * whose revision changed), otherwise from every note file, newest first so recent notes are searchable
   * within the first batches. Yields between batches so queries are answered meanwhile.
   */
  async build(catalog: Catalog): Promise<BuildReport> {
    const started = performance.now()
    const rebuildReason = this.loadSnapshot()
    const wanted = new Map<string, number>()
    catalog.ids.forEach((id, i) => wanted.set(id, catalog.revisions[i]!))
    let changed = false
    for (const id of this.index.docOf.keys()) if (!wanted.has(id)) changed = this.index.remove(id) || changed
    const toRead = catalog.ids.filter((id) => {
      const doc = this.index.docOf.get(id)
      return doc === undefined || this.index.revision[doc] !== wanted.get(id)
    })
    // A first build: one block from the forward index now and then, instead of postings note by note.
    this.index.deferPostings(rebuildReason !== null)
    for (let i = 0; i < toRead.length; i += BATCH) {
      for (const id of toRead.slice(i, i + BATCH)) {
        const note = this.readNote(id)
        if (note) this.index.add(toIndexDoc(note, this.notebookNames.get(note.notebookId) ?? ''))
      }
      if (worthABlock(this.index, toRead.length - i - BATCH)) this.index.rebuildPostings()
      await new Promise((resolve) => setImmediate(resolve))
    }
    this.index.deferPostings(false)
    if (this.index.needsCompaction()) this.index.compact()
    else if (toRead.length > 0) this.index.rebuildPostings()
    this.index.sortedTerms()
    this.complete = true
    this.dirty = changed || toRead.length > 0 || rebuildReason !== null
    if (this.dirty) await this.saveSnapshot()
    return {
      fromSnapshot: rebuildReason === null,
      rebuildReason,
      indexed: toRead.length,
      ms: performance.now() - started,
    }
  }

  upsert(docs: IndexDoc[]): void {
    for (const doc of docs) this.index.add(doc)
    this.dirty ||= docs.length > 0
    if (this.index.needsCompaction()) this.index.compact()
  }

  remove(ids: string[]): void {
    for (const id of ids) this.dirty = this.index.remove(id) || this.dirty
  }

  query(text: string, limit: number, now: number, boards: [string, string][] = []): SearchResult {
    const parsed = parseQuery(text)
    const noteOf = (doc: number): Note | null => {
      const id = this.index.ids[doc]!
      const kept = this.shown.get(id)
      if (kept && kept.revision === this.index.revision[doc]) {
        this.shown.delete(id) // re-inserted below: Map order is the least-recently-used order
        this.shown.set(id, kept)
        return kept
      }
      const note = this.readNote(id)
      if (note) {
        this.shown.set(id, note)
        if (this.shown.size > SHOWN_NOTES) this.shown.delete(this.shown.keys().next().value!)
      }
      return note
    }
    const result = execute(this.index, parsed, {
      limit,
      now,
      notebookNames: this.notebookNames,
      boardNames: new Map(boards),
      textOf: noteOf,
    })
    const hits: SearchHit[] = []
    for (const hit of result.hits) {
      const note = noteOf(hit.doc)
      if (!note) continue
      hits.push({
        id: note.id,
        title: note.title,
        snippet: snippetFor(note.text, hit.matches),
        score: Math.round(hit.score * 1000) / 1000,
        matches: hit.matches,
      })
    }
    return { hits, ignored: parsed.ignored, total: result.total, complete: this.complete }
  }

  /** Writes the snapshot when the index changed since the last one; a derived cache, so failure is quiet. */
  async saveSnapshot(): Promise<void> {
    if (!this.persist || !this.dirty) return
    this.dirty = false
    try {
      await writeFileDurable(searchSnapshotPath(this.dataDir), serializeIndex(this.index))
    } catch {
      this.dirty = true
    }
  }

  stats(): { heapMB: number; typedMB: number; docs: number; terms: number } {
    return {
      heapMB: getHeapStatistics().used_heap_size / 2 ** 20,
      typedMB: this.index.typedBytes() / 2 ** 20,
      docs: this.index.liveCount,
      terms: this.index.terms.length,
    }
  }
}
