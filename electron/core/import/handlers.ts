import type { importContract } from '../../shared/contract-import'
import type { Handlers } from '../../shared/rpc'
import type { ImportJobs } from './jobs'

type ImportHandlers = Pick<Handlers, keyof typeof importContract>

export function createImportHandlers(jobs: ImportJobs): ImportHandlers {
  return {
    'import.begin': async ({ name, size }) => ({ uploadId: await jobs.begin(name, size) }),
    'import.chunk': async ({ uploadId, offset, data }) => ({
      received: await jobs.chunk(uploadId, offset, Buffer.from(data, 'base64')),
    }),
    'import.start': ({ uploadId, ...options }) => jobs.start(uploadId, options),
    'import.cancel': ({ uploadId }) => ({ cancelled: jobs.cancel(uploadId) }),
    'import.discard': async ({ uploadId }) => ({ discarded: await jobs.discard(uploadId) }),
    'import.interrupted': () => jobs.interrupted(),
  }
}
