import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { INBOX_ID } from '../../../electron/shared/domain/notes'
import { DropMenu } from './DropMenu'
import { dragHasImportable, readDropped, readPicked } from './collect-files'
import { useTransfer } from './use-transfer'

interface Props {
  /** The notebook shown (exported as a whole, and where imports go); undefined for "All notes" → Inbox. */
  notebookId: string | undefined
  noteId: string | null
  beforeExport: () => Promise<unknown> | void
  /** More Import menu items from other features (Evernote and Trello). */
  importExtras?: ReactNode
}

/**
 * Export (the open note or the current notebook, as Markdown or HTML) and Import (files, a folder, or a
 * drop anywhere on the window). The pickers are plain file inputs, so the browser preview and Electron
 * share one path; Electron's File > Import menu reads the same files in main.
 */
export function TransferBar({ notebookId, noteId, beforeExport, importExtras }: Props) {
  const { t } = useTranslation()
  const { notice, busy, exportTo, importFiles, dismiss } = useTransfer(beforeExport)
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '')
  }, [])

  // A drop of Markdown anywhere but the editor (which takes files as attachments) imports it.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!event.defaultPrevented && dragHasImportable(event.dataTransfer)) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      if (event.defaultPrevented || !event.dataTransfer || !dragHasImportable(event.dataTransfer)) return
      event.preventDefault()
      const data = event.dataTransfer
      const pending = readDropped(data)
      void importFiles(() => pending, notebookId)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('drop', drop)
    }
  }, [importFiles, notebookId])

  const onPicked = (input: HTMLInputElement | null) => {
    const files = Array.from(input?.files ?? [])
    if (input) input.value = ''
    void importFiles(() => readPicked(files), notebookId)
  }
  const book = notebookId ?? INBOX_ID
  const run = (format: 'markdown' | 'html', scope: { noteId: string } | { notebookId: string }) =>
    void exportTo(format, scope)

  return (
    <div className="transfer-bar" aria-busy={busy}>
      <div className="transfer-actions">
        <DropMenu id="transfer-export-menu" label={t('transfer.export')} menuLabel={t('transfer.exportMenu')}>
          <li>
            <button type="button" disabled={!noteId} onClick={() => noteId && run('markdown', { noteId })}>
              {t('transfer.exportNoteMarkdown')}
            </button>
          </li>
          <li>
            <button type="button" disabled={!noteId} onClick={() => noteId && run('html', { noteId })}>
              {t('transfer.exportNoteHtml')}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => run('markdown', { notebookId: book })}>
              {t('transfer.exportNotebookMarkdown')}
            </button>
          </li>
          <li>
            <button type="button" onClick={() => run('html', { notebookId: book })}>
              {t('transfer.exportNotebookHtml')}
            </button>
          </li>
        </DropMenu>
        <DropMenu id="transfer-import-menu" label={t('transfer.import')} menuLabel={t('transfer.importMenu')}>
          <li>
            <button
              type="button"
              title={t('transfer.importHint')}
              onClick={() => filesInput.current?.click()}
            >
              {t('transfer.importFiles')}
            </button>
          </li>
          <li>
            <button
              type="button"
              title={t('transfer.importHint')}
              onClick={() => folderInput.current?.click()}
            >
              {t('transfer.importFolder')}
            </button>
          </li>
          {importExtras}
        </DropMenu>
        <input
          ref={filesInput}
          type="file"
          multiple
          hidden
          accept=".md,.markdown,.zip,text/markdown"
          aria-label={t('transfer.importFiles')}
          onChange={(e) => onPicked(e.currentTarget)}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          aria-label={t('transfer.importFolder')}
          onChange={(e) => onPicked(e.currentTarget)}
        />
      </div>
      <div
        role="status"
        className={notice?.kind === 'error' ? 'transfer-notice is-error' : 'transfer-notice'}
      >
        {notice && (
          <>
            {notice.lines.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
            <button type="button" className="link-button" onClick={dismiss}>
              {t('transfer.dismiss')}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
