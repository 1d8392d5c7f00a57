import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { messageOf } from '../../ui/message-of'

/** A one-field inline form: Enter creates, Escape gives up, and a refused name says why. */
export function NewNotebookForm({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const close = () => {
    setOpen(false)
    setName('')
    setError(null)
  }

  if (!open) {
    return (
      <button type="button" className="ghost-button new-notebook" onClick={() => setOpen(true)}>
        <span className="plus" aria-hidden="true">
          +
        </span>
        {t('sidebar.newNotebook')}
      </button>
    )
  }

  const submit = async () => {
    if (!name.trim() || busy) return
    setBusy(true)
    try {
      await onCreate(name.trim())
      close()
    } catch (err) {
      setError(t('sidebar.createFailed', { message: messageOf(err) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="new-notebook-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <input
        autoFocus
        type="text"
        aria-label={t('sidebar.notebookName')}
        placeholder={t('sidebar.notebookNamePlaceholder')}
        value={name}
        maxLength={200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'new-notebook-error' : undefined}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close()
        }}
      />
      <div className="form-actions">
        <button type="submit" className="small-button primary" disabled={!name.trim() || busy}>
          {t('sidebar.create')}
        </button>
        <button type="button" className="small-button" onClick={close}>
          {t('sidebar.cancel')}
        </button>
      </div>
      {error && (
        <p id="new-notebook-error" className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
