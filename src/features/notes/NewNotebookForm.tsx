import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { InlineRename } from '../../ui/InlineRename'
import './NewNotebookForm.css'

/** "Add notebook", opening the inline name form: Enter creates, Escape gives up, a refused name says why. */
export function NewNotebookForm({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
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
  return (
    <InlineRename
      className="new-notebook-form"
      label={t('sidebar.notebookName')}
      placeholder={t('sidebar.notebookNamePlaceholder')}
      initial=""
      maxLength={200}
      submitLabel={t('sidebar.create')}
      failure={(message) => t('sidebar.createFailed', { message })}
      onSave={onCreate}
      onClose={() => setOpen(false)}
    />
  )
}
