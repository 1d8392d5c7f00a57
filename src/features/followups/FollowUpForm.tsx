import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNow } from '../../lib/use-now'
import { formatDue, toLocalInput } from './format'
import { standardLabel } from './standard-label'
import { usePhrasePreview } from './use-phrase-preview'
import './FollowUpForm.css'

export interface FollowUpInput {
  phrase?: string
  dueAt?: string
  waitingOn: string | null
  standard: string | null
}

interface Props {
  standards: { id: string; name: string }[]
  initialPerson: string
  initialStandard: string
  onSave: (input: FollowUpInput) => Promise<void>
  onCancel: () => void
}

/**
 * Choosing when to follow up: a quick choice, a typed phrase (read by core and shown before saving) or a
 * date-time picker, plus who we wait on and the cadence. A picked time only fills the preview; the user
 * still confirms, so stepping through the picker's fields never saves half a date.
 */
export function FollowUpForm({ standards, initialPerson, initialStandard, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation()
  const previewId = useId()
  const [phrase, setPhrase] = useState('')
  const [picked, setPicked] = useState('')
  const [person, setPerson] = useState(initialPerson)
  const [standard, setStandard] = useState(initialStandard)
  const [busy, setBusy] = useState(false)
  const parsed = usePhrasePreview(phrase)
  const now = useNow()

  const pickedAt = picked ? new Date(picked) : null
  const pickedOk =
    pickedAt !== null && !Number.isNaN(pickedAt.getTime()) && pickedAt.getTime() > now.getTime()
  const chosen = standards.find((s) => s.id === standard)
  const standardName = chosen && standardLabel(chosen, t)
  const preview: { text: string; error?: boolean } | null = phrase.trim()
    ? parsed.state === 'ok'
      ? { text: t('followups.parsed', { when: formatDue(parsed.dueAt, i18n.language) }) }
      : parsed.state === 'error'
        ? { text: parsed.message, error: true }
        : null
    : picked
      ? pickedOk
        ? { text: t('followups.parsed', { when: formatDue(pickedAt.toISOString(), i18n.language) }) }
        : { text: t('followups.pickFuture'), error: true }
      : standardName
        ? { text: t('followups.byStandard', { name: standardName }) }
        : null
  const canSave =
    !busy && (phrase.trim() ? parsed.state !== 'error' : picked ? pickedOk : Boolean(standardName))

  const save = async (when: { phrase?: string; dueAt?: string }) => {
    setBusy(true)
    try {
      await onSave({ ...when, waitingOn: person.trim() || null, standard: standard || null })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form
      className="followup-form"
      aria-label={t('followups.formLabel')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault()
          onCancel()
        }
      }}
      onSubmit={(e) => {
        e.preventDefault()
        if (!canSave) return
        // Core reads the phrase again when saving; an unreadable one is refused there and nothing is saved.
        void save(phrase.trim() ? { phrase } : picked ? { dueAt: pickedAt!.toISOString() } : {})
      }}
    >
      <div className="followup-quick" role="group" aria-label={t('followups.quick')}>
        <button type="button" disabled={busy} onClick={() => void save({ phrase: '48h' })}>
          {t('followups.in48h')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save({ phrase: 'tomorrow 9am' })}>
          {t('followups.tomorrowMorning')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save({ phrase: 'next monday 9am' })}>
          {t('followups.nextWeek')}
        </button>
      </div>
      <label className="followup-field is-wide">
        <span>{t('followups.phrase')}</span>
        <input
          // The form opens because the user asked to set a time; typing should start right away.
          autoFocus
          value={phrase}
          placeholder={t('followups.phrasePlaceholder')}
          aria-describedby={previewId}
          onChange={(e) => {
            setPhrase(e.target.value)
            if (e.target.value) setPicked('')
          }}
        />
      </label>
      <p
        id={previewId}
        className={`followup-preview${preview?.error ? ' is-error' : preview ? '' : ' is-hint'}`}
        role={preview?.error ? 'alert' : undefined}
        aria-live="polite"
      >
        {preview?.text ?? t('followups.hint')}
      </p>
      <label className="followup-field">
        <span>{t('followups.picker')}</span>
        <input
          type="datetime-local"
          value={picked}
          min={toLocalInput(now)}
          aria-describedby={previewId}
          onChange={(e) => {
            setPicked(e.target.value)
            if (e.target.value) setPhrase('')
          }}
        />
      </label>
      <label className="followup-field">
        <span>{t('followups.person')}</span>
        <input value={person} maxLength={200} onChange={(e) => setPerson(e.target.value)} />
      </label>
      <label className="followup-field">
        <span>{t('followups.standard')}</span>
        <select value={standard} onChange={(e) => setStandard(e.target.value)}>
          <option value="">{t('followups.noStandard')}</option>
          {standards.map((s) => (
            <option key={s.id} value={s.id}>
              {standardLabel(s, t)}
            </option>
          ))}
        </select>
      </label>
      <div className="followup-form-actions">
        <button type="button" onClick={onCancel}>
          {t('followups.cancel')}
        </button>
        <button type="submit" className="primary-button" disabled={!canSave}>
          {t('followups.save')}
        </button>
      </div>
    </form>
  )
}
