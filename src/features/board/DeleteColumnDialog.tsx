import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Column } from '../../../electron/shared/board'
import './DeleteColumnDialog.css'

interface Props {
  column: Column | null
  others: Column[]
  count: number
  onConfirm: (moveTo: string | null) => void
  onClose: () => void
}

/** Asks where a deleted column's cards go: another column (at its bottom) or off the board. */
export function DeleteColumnDialog({ column, others, count, onConfirm, onClose }: Props) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const [target, setTarget] = useState<string>('')
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (column && !dialog.open) {
      setTarget(others[0]?.id ?? '')
      dialog.showModal()
    }
    if (!column && dialog.open) dialog.close()
  }, [column, others])
  return (
    <dialog ref={ref} className="confirm-dialog" aria-labelledby="delete-column-title" onClose={onClose}>
      {column && (
        <form method="dialog">
          <h2 id="delete-column-title">{t('boards.column.deleteTitle', { name: column.name })}</h2>
          {count > 0 && (
            <fieldset className="delete-choices">
              <legend>{t('boards.column.deleteBody', { count })}</legend>
              {others.map((c) => (
                <label key={c.id}>
                  <input
                    type="radio"
                    name="move-to"
                    checked={target === c.id}
                    onChange={() => setTarget(c.id)}
                  />
                  {t('boards.column.deleteTo', { name: c.name })}
                </label>
              ))}
              <label>
                <input type="radio" name="move-to" checked={target === ''} onChange={() => setTarget('')} />
                {t('boards.column.deleteOff')}
              </label>
            </fieldset>
          )}
          <div className="dialog-actions">
            <button type="submit" className="small-button" autoFocus value="cancel">
              {t('boards.cancel')}
            </button>
            <button
              type="button"
              className="small-button danger"
              onClick={() => {
                onConfirm(target || null)
                ref.current?.close()
              }}
            >
              {t('boards.column.deleteConfirm')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
