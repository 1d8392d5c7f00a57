import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Rect } from '../../lib/popup-position'
import { usePopupPosition } from '../../lib/use-popup-position'

interface Props {
  kind: 'link' | 'image'
  initial: string
  /** Returns false when the URL is refused; the form then stays open and says why. */
  onSubmit: (value: string) => boolean
  onRemove?: () => void
  /** `back`: return to the text with the words selected (false when the user clicked elsewhere). */
  onClose: (back: boolean) => void
  /** The words the form is about, on screen; the form sits just below them (above when there is no room). */
  anchor: () => Rect | null
  /** A line under the field. */
  hint?: ReactNode
}

/** A small form beside the text for a link or image address; Electron has no window.prompt. */
export function UrlPopover({ kind, initial, onSubmit, onRemove, onClose, anchor, hint }: Props) {
  const { t } = useTranslation()
  const [value, setValue] = useState(initial)
  const [refused, setRefused] = useState(false)
  const form = useRef<HTMLFormElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const errorId = useId()
  const place = usePopupPosition(anchor, { gap: 8 }, form)

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  // A click elsewhere (back into the text, say) leaves the form, as it leaves any popup.
  const close = useRef(onClose)
  useLayoutEffect(() => {
    close.current = onClose
  })
  useEffect(() => {
    const outside = (event: PointerEvent) => {
      if (!form.current?.contains(event.target as Node)) close.current(false)
    }
    document.addEventListener('pointerdown', outside, true)
    return () => document.removeEventListener('pointerdown', outside, true)
  }, [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (onSubmit(value)) onClose(true)
    else setRefused(true)
  }

  return (
    <form
      ref={place}
      className="url-popover"
      role="dialog"
      aria-label={t(`urlForm.${kind}Title`)}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
          event.preventDefault()
          event.stopPropagation()
          onClose(true)
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
              onClose(true)
            }}
          >
            {t('urlForm.remove')}
          </button>
        )}
        <button type="button" className="secondary-button small" onClick={() => onClose(true)}>
          {t('urlForm.cancel')}
        </button>
      </div>
      {hint && <p className="url-hint">{hint}</p>}
      {refused && (
        <p className="url-error" id={errorId} role="alert">
          {t(`urlForm.${kind}Refused`)}
        </p>
      )}
    </form>
  )
}
