import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import './FinishedPrompt.css'

interface Props {
  attempt: number
  standardName: string | null
  onDone: () => void
  /** Absent when the follow-up had no cadence to start again. */
  onRestart?: () => void
  onNew: () => void
  onLeave: () => void
}

/**
 * After the cadence's last attempt the follow-up is closed but the note is not done: the user decides.
 * Focus moves to the first choice so a keyboard user answers without hunting for it.
 */
export function FinishedPrompt({ attempt, standardName, onDone, onRestart, onNew, onLeave }: Props) {
  const { t } = useTranslation()
  const questionId = useId()
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => first.current?.focus(), [])
  return (
    <div className="followup-ask" role="group" aria-labelledby={questionId}>
      <p id={questionId} role="alert">
        {standardName
          ? t('followups.finishedOf', { attempt, name: standardName })
          : t('followups.finished', { attempt })}
      </p>
      <div className="followup-actions">
        <button ref={first} type="button" className="primary-button" onClick={onDone}>
          {t('followups.askDone')}
        </button>
        <button type="button" onClick={onNew}>
          {t('followups.askNew')}
        </button>
        {onRestart && (
          <button type="button" onClick={onRestart}>
            {t('followups.askRestart')}
          </button>
        )}
        <button type="button" onClick={onLeave}>
          {t('followups.askLeave')}
        </button>
      </div>
    </div>
  )
}
