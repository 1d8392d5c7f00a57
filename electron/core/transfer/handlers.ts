import type { transferContract } from '../../shared/contract-transfer'
import type { Handlers } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { buildExport, writeExportFolder } from './export'
import { importFiles } from './import'
import { writeZip } from './zip'

export interface TransferHost {
  /** Asks the user for a folder to export into (Electron's dialog); absent where there is none. */
  chooseExportFolder?: () => Promise<string | undefined>
}

type TransferHandlers = Pick<Handlers, keyof typeof transferContract>

export function createTransferHandlers(library: Library, host: TransferHost): TransferHandlers {
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
    'transfer.import': ({ notebookId, files }) =>
      importFiles(
        library,
        store,
        files.map((f) => ({ path: f.path, data: Buffer.from(f.data, 'base64') })),
        notebookId,
      ),
  }
}
