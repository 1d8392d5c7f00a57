import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { messageOf } from './message-of'

interface Props {
  label: string
  initial: string
  hint?: string
  maxLength: number
  onSave: (name: string) => Promise<void>
  onClose: () => void
}

/** Enter saves, Escape gives up; a refused name stays in the field with the reason under it. */
export function InlineRename({ label, initial, hint, maxLength, onSave, onClose }: Props) {
  const { t } = useTranslation()
  const [name, setName] = useState(initial)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = `rename-error-${label.replace(/\W+/g, '-')}`
  const submit = async () => {
    const trimmed = name.trim()
    if (!trimmed || busy) return
    if (trimmed === initial) return onClose()
    setBusy(true)
    try {
      await onSave(trimmed)
      onClose()
    } catch (err) {
      setError(t('organize.failed', { message: messageOf(err) }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      className="inline-rename"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <input
        autoFocus
        type="text"
        aria-label={label}
        value={name}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onFocus={(event) => event.target.select()}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation()
            onClose()
          }
        }}
      />
      {hint && !error && <p className="form-hint">{hint}</p>}
      <div className="form-actions">
        <button type="submit" className="small-button primary" disabled={!name.trim() || busy}>
          {t('organize.save')}
        </button>
        <button type="button" className="small-button" onClick={onClose}>
          {t('organize.cancel')}
        </button>
      </div>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
