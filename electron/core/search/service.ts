import { readBoardNames } from '../boards/names'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { TicklerError } from '../../shared/rpc'
import type { Library } from '../types'
import type { BuildReport, SearchResult } from './engine'
import { toIndexDoc } from './index-doc'
import type { FromWorker, ToWorker, WorkerStats } from './protocol'
import { createSearchHandler } from './worker-handler'

export interface SearchService {
  /** Answers with the newest query only: a query superseded while waiting resolves with `superseded`. */
  query(query: string, limit: number): Promise<SearchResult & { superseded?: boolean }>
  /** Settles once every note is searchable. */
  readonly ready: Promise<BuildReport>
  stats(): Promise<WorkerStats>
  /** Writes the index snapshot if it changed and stops the worker. */
  close(): Promise<void>
}

export interface SearchOptions {
  /** Write the index snapshot (false for read-only opens such as the CLI's). */
  persist?: boolean
  /** Run in this thread instead of a worker (the CLI, which does nothing else meanwhile, and tests). */
  inline?: boolean
  now?: () => Date
}

/** Catalog entries per message at start. */
const CATALOG_SLICE = 10_000
/** The built app bundles the worker as its own entry beside main's (see electron.vite.config.ts). */
const BUILT_WORKER = 'search-worker.js'

function startWorker(onMessage: (m: FromWorker) => void): {
  post: (m: ToWorker) => void
  stop: () => Promise<void>
} {
  const fromSource = import.meta.url.endsWith('.ts')
  // Run from source (CLI via tsx, preview, tests), the worker registers the TypeScript loader itself:
  // loader flags in a worker's execArgv are not honoured.
  // require.resolve finds the package's CommonJS entry; its ES module twin sits beside it.
  const tsxApi = () =>
    pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/u, '.mjs'),
    )
  const worker = fromSource
    ? new Worker(
        `import(${JSON.stringify(tsxApi().href)})` +
          `.then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}) })`,
        { eval: true },
      )
    : new Worker(new URL(BUILT_WORKER, import.meta.url))
  worker.on('message', onMessage)
  worker.on('error', (error) => onMessage({ type: 'failed', id: null, message: error.message }))
  return { post: (m) => worker.postMessage(m), stop: () => worker.terminate().then(() => undefined) }
}

function startInline(onMessage: (m: FromWorker) => void): {
  post: (m: ToWorker) => void
  stop: () => Promise<void>
} {
  const handle = createSearchHandler(onMessage)
  return { post: (m) => handle(structuredClone(m)), stop: async () => undefined }
}

/** Opens search over a library: builds or loads the index off this thread and follows every change. */
export function createSearch(library: Library, options: SearchOptions = {}): SearchService {
  const now = options.now ?? (() => new Date())
  const calls = new Map<number, { resolve: (v: never) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let closed: Promise<void> | null = null
  let settleReady!: { resolve: (r: BuildReport) => void; reject: (e: Error) => void }
  const ready = new Promise<BuildReport>((resolve, reject) => (settleReady = { resolve, reject }))
  ready.catch(() => undefined)
  let settleClosed: () => void = () => undefined
  let broken = false

  const onMessage = (message: FromWorker) => {
    if (message.type === 'ready') settleReady.resolve(message.report)
    else if (message.type === 'closed') settleClosed()
    else if (message.type === 'result' || message.type === 'stats') {
      const call = calls.get(message.id)
      calls.delete(message.id)
      call?.resolve((message.type === 'result' ? message.result : message.stats) as never)
    } else if (message.type === 'failed') {
      const error = new TicklerError('INTERNAL', `Search failed: ${message.message}`)
      if (message.id === null) {
        broken = true
        settleClosed()
        settleReady.reject(error)
        for (const call of calls.values()) call.reject(error)
        calls.clear()
      } else {
        calls.get(message.id)?.reject(error)
        calls.delete(message.id)
      }
    }
  }
  const transport = options.inline ? startInline(onMessage) : startWorker(onMessage)
  const notebooks = (): [string, string][] => library.listNotebooks().map((nb) => [nb.id, nb.name])
  const names = new Map(notebooks())
  const list = library.listNotes()
  // The catalog goes over in slices with a yield between them: copying 100,000 ids in one message held
  // this thread (the one serving the UI) for ~25 ms at start.
  const started = (async () => {
    for (let i = 0; i < list.length; i += CATALOG_SLICE) {
      const slice = list.slice(i, i + CATALOG_SLICE)
      transport.post({
        type: 'catalog',
        ids: slice.map((n) => n.id),
        revisions: slice.map((n) => n.revision),
      })
      await new Promise((resolve) => setImmediate(resolve))
    }
    transport.post({
      type: 'init',
      dataDir: library.dataDir,
      persist: options.persist ?? true,
      notebooks: [...names],
    })
  })()

  // Changes are applied in the order they happened (a later save must never be overtaken by an earlier
  // one), and only once the worker has the catalog they change.
  let updates = started
  const unsubscribe = library.onChange((change) => {
    updates = updates.then(async () => {
      if (closed) return
      // The written notes come with the change: indexed as written, never read back from disk.
      const docs = change.notes.map((note) => toIndexDoc(note, names.get(note.notebookId) ?? ''))
      const removed = [...change.removed]
      if (change.notebooks) {
        const fresh = notebooks()
        // A notebook's name is indexed with each of its notes: a rename re-indexes them (rare, so worth it).
        const renamed = new Set(
          fresh.filter(([id, name]) => names.has(id) && names.get(id) !== name).map(([id]) => id),
        )
        fresh.forEach(([id, name]) => names.set(id, name))
        transport.post({ type: 'notebooks', notebooks: fresh })
        for (const n of renamed.size ? library.listNotes() : []) {
          if (!renamed.has(n.notebookId)) continue
          try {
            const note = await library.getNote(n.id)
            docs.push(toIndexDoc(note, names.get(note.notebookId) ?? ''))
          } catch (error) {
            if (error instanceof TicklerError && error.code === 'NOT_FOUND') removed.push(n.id)
          }
        }
      }
      if (closed) return
      if (removed.length) transport.post({ type: 'remove', ids: removed })
      // In slices, so a big notebook's rename never becomes one huge message.
      for (let i = 0; i < docs.length; i += 500)
        transport.post({ type: 'upsert', docs: docs.slice(i, i + 500) })
    })
  })

  const call = <T>(message: ToWorker & { id: number }): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new TicklerError('INTERNAL', 'Search is closed.'))
      calls.set(message.id, { resolve, reject })
      transport.post(message)
    })

  // Latest wins: while one query runs, only the newest waiting one is kept.
  let busy = false
  let waiting: {
    query: string
    limit: number
    resolve: (r: SearchResult) => void
    reject: (e: Error) => void
  } | null = null
  const pump = () => {
    if (busy || !waiting) return
    const next = waiting
    waiting = null
    busy = true
    // Let pending index updates reach the worker first, so a query right after a save sees it.
    void updates
      .then(async () =>
        call<SearchResult>({
          type: 'query',
          id: nextId++,
          query: next.query,
          limit: next.limit,
          now: now().getTime(),
          // Boards live in boards.json, not in the library; read (never written) only when a query asks.
          ...(/board:/i.test(next.query) ? { boards: await readBoardNames(library.dataDir) } : {}),
        }),
      )
      .then(next.resolve, next.reject)
      .finally(() => {
        busy = false
        pump()
      })
  }

  return {
    ready,
    query: (query, limit) =>
      new Promise((resolve, reject) => {
        waiting?.resolve({
          hits: [],
          ignored: [],
          total: 0,
          complete: false,
          superseded: true,
        } as SearchResult)
        waiting = { query, limit, resolve, reject }
        pump()
      }),
    stats: () => call<WorkerStats>({ type: 'stats', id: nextId++ }),
    close: () =>
      (closed ??= (async () => {
        unsubscribe()
        await updates
        if (broken) return transport.stop()
        const done = new Promise<void>((resolve) => {
          settleClosed = resolve
          setTimeout(resolve, 10_000).unref() // a stuck snapshot write must not block quitting
        })
        transport.post({ type: 'close' })
        await done
        await transport.stop()
      })()),
  }
}
