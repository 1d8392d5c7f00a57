import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSubmit } from '../../ui/use-submit'
import './AddCardForm.css'

interface Props {
  columnName: string
  onAdd: (title: string) => Promise<void>
  onClose: () => void
}

/** Trello's quick add: Enter adds and keeps the field open for the next card; Escape or an empty blur closes. */
export function AddCardForm({ columnName, onAdd, onClose }: Props) {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const { error, run } = useSubmit()
  const submit = async () => {
    const trimmed = title.trim()
    if (!trimmed) return onClose()
    // A refused card keeps its title in the field, with core's reason under it.
    if (
      await run(
        () => onAdd(trimmed),
        (message) => t('boards.failed', { message }),
      )
    )
      setTitle('')
  }
  return (
    <form
      className="add-card-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <textarea
        className="add-card-input"
        aria-label={t('boards.card.addLabel', { name: columnName })}
        placeholder={t('boards.card.addPlaceholder')}
        value={title}
        maxLength={500}
        rows={2}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            void submit()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            onClose()
          }
        }}
        onBlur={() => {
          if (!title.trim()) onClose()
        }}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="add-card-actions">
        <button type="submit" className="primary-button small">
          {t('boards.card.add')}
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('boards.cancel')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onClose}
        >
          ×
        </button>
      </div>
    </form>
  )
}
