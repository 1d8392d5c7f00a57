import { SearchEngine, type Catalog } from './engine'
import type { FromWorker, ToWorker } from './protocol'

/**
 * The search side of the protocol, independent of how messages travel: worker.ts runs it in a worker
 * thread (the app, the preview), and the CLI and tests run it in-process through the same messages.
 */
export function createSearchHandler(send: (message: FromWorker) => void): (message: ToWorker) => void {
  let engine: SearchEngine | null = null
  const catalog: Catalog = { ids: [], revisions: [] }

  function handle(message: ToWorker): void {
    if (message.type === 'catalog') {
      for (let i = 0; i < message.ids.length; i++) {
        catalog.ids.push(message.ids[i]!)
        catalog.revisions.push(message.revisions[i]!)
      }
      return
    }
    if (message.type === 'init') {
      const created = new SearchEngine(message.dataDir, message.persist)
      created.notebookNames = new Map(message.notebooks)
      engine = created
      created
        .build(catalog)
        .then((report) => send({ type: 'ready', report }))
        .catch((error: unknown) => send({ type: 'failed', id: null, message: String(error) }))
      return
    }
    if (!engine) throw new Error('the search index was not initialised')
    switch (message.type) {
      case 'upsert':
        return engine.upsert(message.docs)
      case 'remove':
        return engine.remove(message.ids)
      case 'notebooks':
        engine.notebookNames = new Map(message.notebooks)
        return
      case 'query':
        return send({
          type: 'result',
          id: message.id,
          result: engine.query(message.query, message.limit, message.now, message.boards),
        })
      case 'stats':
        return send({ type: 'stats', id: message.id, stats: engine.stats() })
      case 'close':
        void engine.saveSnapshot().finally(() => send({ type: 'closed' }))
        return
    }
  }

  return (message) => {
    try {
      handle(message)
    } catch (error) {
      const id = 'id' in message ? message.id : null
      send({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) })
    }
  }
}
