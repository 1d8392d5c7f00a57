import type { IndexDoc } from './index-doc'
import type { BuildReport, Catalog, SearchResult } from './engine'

/** Messages from the library's thread to the search worker. */
export type ToWorker =
  /** A slice of the catalog (see engine.ts); every slice is sent before `init`. */
  | ({ type: 'catalog' } & Catalog)
  | { type: 'init'; dataDir: string; persist: boolean; notebooks: [string, string][] }
  | { type: 'upsert'; docs: IndexDoc[] }
  | { type: 'remove'; ids: string[] }
  | { type: 'notebooks'; notebooks: [string, string][] }
  | { type: 'query'; id: number; query: string; limit: number; now: number; boards?: [string, string][] }
  | { type: 'stats'; id: number }
  | { type: 'close' }

export interface WorkerStats {
  heapMB: number
  typedMB: number
  docs: number
  terms: number
}

/** Messages from the worker back. */
export type FromWorker =
  | { type: 'ready'; report: BuildReport }
  | { type: 'result'; id: number; result: SearchResult }
  | { type: 'stats'; id: number; stats: WorkerStats }
  | { type: 'failed'; id: number | null; message: string }
  | { type: 'closed' }
