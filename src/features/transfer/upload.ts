import type { TicklerApi } from '../../../electron/shared/contract'
import { readBase64 } from '../../lib/read-base64'

/** Matches IMPORT_CHUNK_BYTES in electron/shared/contract-transfer.ts (the renderer imports types only). */
const CHUNK = 1024 * 1024

export const isImportable = (name: string) => /\.(enex|json)$/i.test(name)

/**
 * Sends a picked or dropped file to core in 1 MiB chunks; core writes them to a temp file and from
 * there the import is the same as for a path main picked. Only one chunk is in memory at a time.
 */
export async function uploadFile(api: TicklerApi, file: File, signal: AbortSignal): Promise<string> {
  const { uploadId } = await api.transfer.importBegin({ name: file.name, size: file.size })
  for (let offset = 0; offset < file.size; offset += CHUNK) {
    if (signal.aborted) {
      await api.transfer.importDiscard({ uploadId })
      throw new DOMException('cancelled', 'AbortError')
    }
    const data = await readBase64(file.slice(offset, offset + CHUNK))
    await api.transfer.importChunk({ uploadId, offset, data })
  }
  return uploadId
}
