import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { formatBytes } from '../editor/extensions/attachment/attachment-ref'
import { dragHasImportable, readDropped, readPicked } from './collect-files'
import { useTransfer } from './use-transfer'

interface Props {
  /** The notebook shown (exported as a whole, and where imports go); undefined for "All notes" → Inbox. */
  notebookId: string | undefined
  noteId: string | null
  beforeExport: () => Promise<unknown> | void
}

/**
 * Export (the open note or the current notebook, as Markdown or HTML) and Import (files, a folder, or a
 * drop anywhere on the window). The pickers are plain file inputs, so the browser preview and Electron
 * share one path; Electron's File > Import menu reads the same files in main.
 */
export function TransferBar({ notebookId, noteId, beforeExport }: Props) {
  const { t } = useTranslation()
  const { notice, busy, exportTo, importFiles, dismiss } = useTransfer(beforeExport)
  const [menu, setMenu] = useState(false)
  const filesInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)
  const menuButton = useRef<HTMLButtonElement>(null)
  const api = useApi()
  const [limit, setLimit] = useState<string | null>(null)

  useEffect(() => {
    api.attachments.info({}).then(
      (info) => setLimit(formatBytes(info.maxBytes)),
      () => undefined,
    )
  }, [api])

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

  const run = (format: 'markdown' | 'html', scope: { noteId: string } | { notebookId: string }) => {
    setMenu(false)
    menuButton.current?.focus()
    void exportTo(format, scope)
  }
  const onPicked = (input: HTMLInputElement | null) => {
    const files = Array.from(input?.files ?? [])
    if (input) input.value = ''
    void importFiles(() => readPicked(files), notebookId)
  }
  const book = notebookId ?? 'inbox'

  return (
    <div className="transfer-bar" aria-busy={busy}>
      <div className="transfer-actions">
        <div
          className="transfer-menu"
          onKeyDown={(e) => e.key === 'Escape' && (setMenu(false), menuButton.current?.focus())}
        >
          <button
            ref={menuButton}
            type="button"
            className="transfer-button"
            aria-expanded={menu}
            aria-controls="transfer-export-menu"
            onClick={() => setMenu((open) => !open)}
          >
            {t('transfer.export')}
          </button>
          {menu && (
            <ul id="transfer-export-menu" className="transfer-options" aria-label={t('transfer.exportMenu')}>
              <li>
                <button
                  type="button"
                  disabled={!noteId}
                  onClick={() => noteId && run('markdown', { noteId })}
                >
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
            </ul>
          )}
        </div>
        <button
          type="button"
          className="transfer-button"
          title={t('transfer.importHint')}
          onClick={() => filesInput.current?.click()}
        >
          {t('transfer.importFiles')}
        </button>
        <button
          type="button"
          className="transfer-button"
          title={t('transfer.importHint')}
          onClick={() => folderInput.current?.click()}
        >
          {t('transfer.importFolder')}
        </button>
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
        {limit && <span className="transfer-hint">{t('attachments.limitNote', { limit })}</span>}
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
