import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSubmit } from './use-submit'
import './InlineRename.css'

interface Props {
  label: string
  initial: string
  hint?: string
  placeholder?: string
  maxLength: number
  /** The submit button's words: "Save" when renaming, "Create" when naming something new. */
  submitLabel?: string
  /** The sentence shown when `onSave` is refused, from the refusal's message. */
  failure?: (message: string) => string
  className?: string
  onSave: (name: string) => Promise<void>
  onClose: () => void
}

/**
 * The one-field name form, inline where the name shows: renaming a notebook, tag, board or column, or
 * naming a new one. Enter saves, Escape gives up; a refused name stays in the field with the reason under it.
 */
export function InlineRename({
  label,
  initial,
  hint,
  placeholder,
  maxLength,
  onSave,
  onClose,
  ...look
}: Props) {
  const { t } = useTranslation()
  const [name, setName] = useState(initial)
  const { busy, error, run } = useSubmit()
  const errorId = `rename-error-${label.replace(/\W+/g, '-')}`
  const submit = async () => {
    const trimmed = name.trim()
    if (!trimmed) return
    if (trimmed === initial) return onClose()
    if (await run(() => onSave(trimmed), look.failure ?? ((message) => t('organize.failed', { message }))))
      onClose()
  }
  return (
    <form
      className={look.className ?? 'inline-rename'}
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <input
        autoFocus
        type="text"
        aria-label={label}
        placeholder={placeholder}
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
          {look.submitLabel ?? t('organize.save')}
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
