import { parentPort } from 'node:worker_threads'
import type { FromWorker, ToWorker } from './protocol'
import { createSearchHandler } from './worker-handler'

/**
 * The search worker: owns the index so that building it (seconds for a large library) and answering
 * queries never block the thread serving the UI and IPC. The build yields between batches, so queries
 * and note updates are answered while it runs.
 */
const port = parentPort
if (!port) throw new Error('the search worker was started outside a worker thread')
const handle = createSearchHandler((message: FromWorker) => port.postMessage(message))
port.on('message', (message: ToWorker) => handle(message))
