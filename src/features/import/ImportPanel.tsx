import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { MenuButton } from '../../ui/Menu'
import { ImportSummaryView } from './ImportSummaryView'
import { isImportable } from './upload'
import type { Imports, Interrupted } from './use-import'

/** The Evernote/Trello items of the Import menu: pick files, and what to do when one turns out broken. */
export function EnexImportItems({
  imports,
  notebooks,
}: {
  imports: Imports
  notebooks: readonly { name: string; label: string }[]
}) {
  const { t } = useTranslation()
  const intoLabel = notebooks.find((nb) => nb.name === imports.into)?.label ?? t('enexImport.intoPerFile')
  return (
    <>
      <li>
        <button type="button" disabled={imports.state.running !== null} onClick={imports.pick}>
          {t('enexImport.button')}
        </button>
      </li>
      <li className="transfer-menu-option transfer-menu-into">
        {/* The app's own menu, not a native drop-down: it looks like the menu it sits in, in both themes. */}
        <span aria-hidden="true">{t('enexImport.into')}</span>
        <MenuButton
          className="small-button transfer-into-button"
          label={`${t('enexImport.into')}: ${intoLabel}`}
          menuLabel={t('enexImport.into')}
          items={() => [
            {
              id: '',
              label: t('enexImport.intoPerFile'),
              checked: imports.into === '',
              onSelect: () => imports.setInto(''),
            },
            ...notebooks.map((nb) => ({
              id: nb.name,
              label: nb.label,
              checked: imports.into === nb.name,
              onSelect: () => imports.setInto(nb.name),
            })),
          ]}
        >
          <span className="transfer-into-value">{intoLabel}</span>
          <span className="transfer-into-caret" aria-hidden="true">
            ▾
          </span>
        </MenuButton>
      </li>
      <li className="transfer-menu-option">
        <label>
          <input
            type="checkbox"
            checked={imports.rollback}
            onChange={(e) => imports.setRollback(e.currentTarget.checked)}
          />
          {t('enexImport.rollbackOption')}
        </label>
      </li>
    </>
  )
}

/**
 * Evernote and Trello import: drops of .enex/.json files anywhere on the window, a progress bar with
 * counts and a cancel button, the "already imported" question, and the summary at the end. The picker is
 * opened from the Import menu (EnexImportItems).
 */
export function ImportPanel({ imports }: { imports: Imports }) {
  const { t } = useTranslation()
  const { state, importFiles, cancel, answer, dismiss, dismissInterrupted, input, pick } = imports

  // Capture phase, so these files are ours before the Markdown import's window listener looks at the drop.
  useEffect(() => {
    const files = (event: DragEvent) =>
      Array.from(event.dataTransfer?.files ?? []).filter((f) => isImportable(f.name))
    const over = (event: DragEvent) => {
      if (Array.from(event.dataTransfer?.items ?? []).some((i) => i.kind === 'file')) event.preventDefault()
    }
    const drop = (event: DragEvent) => {
      const picked = files(event)
      if (!picked.length) return
      event.preventDefault()
      event.stopImmediatePropagation()
      importFiles(picked)
    }
    window.addEventListener('dragover', over, true)
    window.addEventListener('drop', drop, true)
    return () => {
      window.removeEventListener('dragover', over, true)
      window.removeEventListener('drop', drop, true)
    }
  }, [importFiles])

  const { running, ask, summaries, error, unsupported, interrupted } = state
  const progress = running?.progress
  const idle =
    !running && !ask && !error && !unsupported && summaries.length === 0 && interrupted.length === 0
  return (
    <section className={`import-panel${idle ? ' is-idle' : ''}`} aria-label={t('enexImport.button')}>
      <input
        ref={input}
        type="file"
        accept=".enex,.json"
        multiple
        hidden
        aria-label={t('enexImport.pick')}
        onChange={(e) => {
          const picked = Array.from(e.currentTarget.files ?? [])
          e.currentTarget.value = ''
          importFiles(picked)
        }}
      />
      {running && (
        <div className="import-progress">
          <progress
            aria-label={t('enexImport.progressLabel')}
            max={progress?.bytesTotal || 1}
            value={progress?.bytesRead ?? 0}
          />
          <span role="status">
            {progress
              ? t('enexImport.progress', {
                  file: running.file,
                  imported: progress.imported,
                  skipped: progress.skipped,
                })
              : t('enexImport.uploading', { file: running.file })}
          </span>
          <button type="button" onClick={cancel}>
            {t('enexImport.cancel')}
          </button>
        </div>
      )}
      {ask && (
        <div role="alertdialog" aria-label={t('enexImport.importAgain')} className="import-ask">
          <p>{t('enexImport.again', { file: ask.file, date: new Date(ask.date).toLocaleString() })}</p>
          <button type="button" onClick={() => answer(true)}>
            {t('enexImport.importAgain')}
          </button>
          <button type="button" onClick={() => answer(false)} autoFocus>
            {t('enexImport.skip')}
          </button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {unsupported && <p role="alert">{t('enexImport.unsupported', { file: unsupported })}</p>}
      {interrupted.map((item, i) => (
        <InterruptedNotice
          key={`${item.file}-${item.startedAt}`}
          item={item}
          onResume={running ? undefined : pick}
          onDismiss={() => dismissInterrupted(i)}
        />
      ))}
      {summaries.map((s, i) => (
        <ImportSummaryView key={`${s.jobId}-${i}`} summary={s} onDismiss={() => dismiss(i)} />
      ))}
    </section>
  )
}

/** An import a crash stopped: what the library did about it at open, and for a kept one, how to finish it. */
function InterruptedNotice({
  item,
  onResume,
  onDismiss,
}: {
  item: Interrupted
  onResume?: () => void
  onDismiss: () => void
}) {
  const { t } = useTranslation()
  const text =
    item.outcome === 'resumable'
      ? t('enexImport.interruptedResumable', { file: item.file, count: item.notes })
      : item.outcome === 'rolled-back'
        ? t('enexImport.interruptedRolledBack', { file: item.file, count: item.notes })
        : t('enexImport.interruptedFinished', { file: item.file })
  return (
    <div className="import-summary" role="group" aria-label={t('enexImport.interruptedLabel')}>
      <p>{text}</p>
      {item.outcome === 'resumable' && (
        <button type="button" disabled={!onResume} onClick={onResume}>
          {t('enexImport.resume', { file: item.file })}
        </button>
      )}
      <button type="button" onClick={onDismiss}>
        {t('enexImport.dismiss')}
      </button>
    </div>
  )
}
