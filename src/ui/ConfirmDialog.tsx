import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

export interface ConfirmRequest {
  title: string
  body: string
  confirm: string
  onConfirm: () => void
}

/** A modal <dialog>: the browser traps focus and Escape cancels; Cancel has focus so Enter is safe. */
export function ConfirmDialog({ request, onDone }: { request: ConfirmRequest | null; onDone: () => void }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (request && !dialog.open) dialog.showModal()
    if (!request && dialog.open) dialog.close()
  }, [request])
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      onClose={onDone}
    >
      {request && (
        <form method="dialog">
          <h2 id="confirm-title">{request.title}</h2>
          <p id="confirm-body">{request.body}</p>
          <div className="dialog-actions">
            <button type="submit" className="small-button" autoFocus value="cancel">
              {t('organize.cancel')}
            </button>
            <button
              type="button"
              className="small-button danger"
              onClick={() => {
                request.onConfirm()
                ref.current?.close()
              }}
            >
              {request.confirm}
            </button>
          </div>
        </form>
      )}
    </dialog>
  )
}
