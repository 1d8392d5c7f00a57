import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../electron/shared/contract'

type Summary = MethodOutput<'import.start'>

/** The end of an import: what came in, what did not and why, and where a broken file broke. */
export function ImportSummaryView({ summary, onDismiss }: { summary: Summary; onDismiss: () => void }) {
  const { t } = useTranslation()
  const file = summary.file
  let headline: string
  if (summary.status === 'cancelled') headline = t('enexImport.cancelled', { file, count: summary.imported })
  else if (summary.fault) {
    const { message, line, column } = summary.fault
    headline = line
      ? t('enexImport.failedAt', { file, line, column, message })
      : t('enexImport.failed', { file, message })
  } else if (summary.board)
    headline = t('enexImport.doneBoard', { file, count: summary.imported, board: summary.board.name })
  else
    headline = t('enexImport.done', {
      file,
      count: summary.imported,
      notebook: summary.notebook?.name ?? '',
    })
  return (
    <div className="import-summary" role="status">
      <p>{headline}</p>
      {summary.fault && summary.imported > 0 && <p>{t('enexImport.kept', { count: summary.imported })}</p>}
      {summary.rolledBack > 0 && <p>{t('enexImport.rolledBack', { count: summary.rolledBack })}</p>}
      {summary.resumedAfter > 0 && <p>{t('enexImport.resumed', { count: summary.resumedAfter })}</p>}
      {summary.skipped.length > 0 && (
        <details>
          <summary>
            {t('enexImport.skipped')} ({summary.skipped.length})
          </summary>
          <ul>
            {summary.skipped.map((s, i) => (
              <li key={i}>
                {s.item}: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {summary.warnings.length > 0 && (
        <details>
          <summary>{t('enexImport.warnings', { count: summary.warnings.length })}</summary>
          <ul>
            {summary.warnings.slice(0, 200).map((w, i) => (
              <li key={i}>
                {w.item}: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" onClick={onDismiss}>
        {t('enexImport.dismiss')}
      </button>
    </div>
  )
}
