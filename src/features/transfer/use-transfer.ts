import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { downloadBase64 } from '../../lib/read-base64'
import type { PickedFile } from './collect-files'
import { messageOf } from '../../ui/message-of'

export type Notice = { kind: 'ok' | 'error'; lines: string[] } | null

/** Export and import as two named actions with one notice line for their outcome. */
export function useTransfer(beforeExport: () => Promise<unknown> | void) {
  const { t } = useTranslation()
  const api = useApi()
  const [notice, setNotice] = useState<Notice>(null)
  const [busy, setBusy] = useState(false)

  const exportTo = useCallback(
    async (format: 'markdown' | 'html', scope: { noteId: string } | { notebookId: string }) => {
      setBusy(true)
      try {
        // Unsaved keystrokes go to disk first, so the export holds what is on screen.
        await beforeExport()
        const result = await api.transfer.export({ format, ...scope })
        if (result.outcome === 'download' && result.data && result.fileName) {
          downloadBase64(result.data, result.fileName)
          setNotice({ kind: 'ok', lines: [t('transfer.downloaded', { name: result.fileName })] })
        } else if (result.outcome === 'saved') {
          setNotice({
            kind: 'ok',
            lines: [t('transfer.exported', { count: result.count, folder: result.folder })],
          })
        } else setNotice(null)
      } catch (error) {
        setNotice({ kind: 'error', lines: [t('transfer.exportFailed', { message: messageOf(error) })] })
      } finally {
        setBusy(false)
      }
    },
    [api, beforeExport, t],
  )

  const importFiles = useCallback(
    async (read: () => Promise<PickedFile[]>, notebookId: string | undefined) => {
      setBusy(true)
      try {
        const files = await read()
        if (files.length === 0) return
        const result = await api.transfer.import({ files, notebookId })
        setNotice({
          kind: 'ok',
          lines: [
            t('transfer.imported', { count: result.imported.length }),
            ...result.skipped.map((s) => t('transfer.skipped', { path: s.path, reason: s.reason })),
            ...result.warnings.map((w) => t('transfer.warning', { path: w.path, message: w.message })),
          ],
        })
      } catch (error) {
        setNotice({ kind: 'error', lines: [t('transfer.importFailed', { message: messageOf(error) })] })
      } finally {
        setBusy(false)
      }
    },
    [api, t],
  )

  return { notice, busy, exportTo, importFiles, dismiss: () => setNotice(null) }
}
