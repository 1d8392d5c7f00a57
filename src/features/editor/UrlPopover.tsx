import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  kind: 'link' | 'image'
  initial: string
  /** Returns false when the URL is refused; the form then stays open and says why. */
  onSubmit: (value: string) => boolean
  onRemove?: () => void
  onClose: () => void
}

/** A small form under the toolbar for a link or image address; Electron has no window.prompt. */
export function UrlPopover({ kind, initial, onSubmit, onRemove, onClose }: Props) {
  const { t } = useTranslation()
  const [value, setValue] = useState(initial)
  const [refused, setRefused] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const errorId = useId()

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (onSubmit(value)) onClose()
    else setRefused(true)
  }

  return (
    <form
      className="url-popover"
      role="dialog"
      aria-label={t(`urlForm.${kind}Title`)}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
          event.preventDefault()
          onClose()
        }
      }}
    >
      <label className="url-label">
        <span>{t(`urlForm.${kind}Label`)}</span>
        <input
          ref={input}
          type="text"
          inputMode="url"
          spellCheck={false}
          value={value}
          placeholder={t(`urlForm.${kind}Placeholder`)}
          aria-invalid={refused}
          aria-describedby={refused ? errorId : undefined}
          onChange={(event) => {
            setValue(event.target.value)
            setRefused(false)
          }}
        />
      </label>
      <div className="url-actions">
        <button type="submit" className="primary-button small">
          {t('urlForm.apply')}
        </button>
        {onRemove && (
          <button
            type="button"
            className="secondary-button small"
            onClick={() => {
              onRemove()
              onClose()
            }}
          >
            {t('urlForm.remove')}
          </button>
        )}
        <button type="button" className="secondary-button small" onClick={onClose}>
          {t('urlForm.cancel')}
        </button>
      </div>
      {refused && (
        <p className="url-error" id={errorId} role="alert">
          {t(`urlForm.${kind}Refused`)}
        </p>
      )}
    </form>
  )
}
