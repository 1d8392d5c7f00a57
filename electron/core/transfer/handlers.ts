import type { transferContract } from '../../shared/contract-transfer'
import type { Handlers } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { buildExport, writeExportFolder } from './export/export'
import { importFiles } from './markdown/import-files'
import { writeZip } from './zip/zip'
import type { ImportJobs } from './import/jobs'

export interface TransferHost {
  /** Asks the user for a folder to export into (Electron's dialog); absent where there is none. */
  chooseExportFolder?: () => Promise<string | undefined>
}

type TransferHandlers = Pick<Handlers, keyof typeof transferContract>

/**
 * Export, Markdown import and the Evernote/Trello import jobs: the transfer.* methods over one library.
 * `jobs` is the host's set of import jobs (main and the preview relay their progress as events).
 */
export function createTransferHandlers(
  library: Library,
  host: TransferHost,
  jobs: ImportJobs,
): TransferHandlers {
  const store = new AttachmentStore(library.dataDir)
  return {
    'transfer.export': async ({ format, noteId, notebookId }) => {
      const scope = noteId ? { noteId } : { notebookId: notebookId! }
      const { folder, files } = await buildExport(library, store, scope, format)
      if (!host.chooseExportFolder) {
        const data = writeZip(files).toString('base64')
        return { outcome: 'download' as const, count: files.length, fileName: `${folder}.zip`, data }
      }
      const target = await host.chooseExportFolder()
      if (!target) return { outcome: 'cancelled' as const, count: 0 }
      return {
        outcome: 'saved' as const,
        count: files.length,
        folder: await writeExportFolder(target, folder, files),
      }
    },
    'transfer.importMarkdown': ({ notebookId, files }) =>
      importFiles(
        library,
        store,
        files.map((f) => ({ path: f.path, data: Buffer.from(f.data, 'base64') })),
        notebookId,
      ),
    'transfer.importBegin': async ({ name, size }) => ({ uploadId: await jobs.begin(name, size) }),
    'transfer.importChunk': async ({ uploadId, offset, data }) => ({
      received: await jobs.chunk(uploadId, offset, Buffer.from(data, 'base64')),
    }),
    'transfer.importStart': ({ uploadId, ...options }) => jobs.start(uploadId, options),
    'transfer.importCancel': ({ uploadId }) => ({ cancelled: jobs.cancel(uploadId) }),
    'transfer.importDiscard': async ({ uploadId }) => ({ discarded: await jobs.discard(uploadId) }),
    'transfer.importInterrupted': () => jobs.interrupted(),
  }
}
