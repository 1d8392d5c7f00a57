import { useTranslation } from 'react-i18next'
import type { SaveState } from './autosave'
import './SaveStatus.css'

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation()
  const text =
    state.kind === 'saving'
      ? t('save.saving')
      : state.kind === 'saved'
        ? t('save.saved')
        : state.kind === 'pending'
          ? t('save.unsaved')
          : state.kind === 'error'
            ? t('save.failed', { message: state.message })
            : ''
  return (
    <span className={`save-status save-${state.kind}`}>
      <span role="status" aria-live="polite">
        {text}
      </span>
      {state.kind === 'error' && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('save.retry')}
        </button>
      )}
    </span>
  )
}
