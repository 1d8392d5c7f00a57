import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { formatDue, pendingDue, toLocalInput } from './format'

interface Props {
  note: Note
  /** Called with the saved note after every change, so the list and the editor pick up its revision. */
  onChanged: (note: Note) => void
  beforeChange?: () => Promise<void>
}

type Preview = { ok: true; dueAt: string } | { ok: false; message: string } | null

/**
 * Set, change, snooze, log, clear and finish a note's follow-up. A typed phrase is read by core's parser
 * (followups.parse) and the time is shown before anything is saved.
 */
export function FollowUpBar({ note, onChanged, beforeChange }: Props) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const due = pendingDue(note)
  const [editing, setEditing] = useState(false)
  const [phrase, setPhrase] = useState('')
  const [person, setPerson] = useState(note.followUp?.waitingOn ?? '')
  const [preview, setPreview] = useState<Preview>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [standards, setStandards] = useState<{ id: string; name: string }[]>([])
  const [standard, setStandard] = useState(note.followUp?.standard ?? '')

  useEffect(() => {
    if (editing) api.followups.standards({}).then(setStandards, () => undefined)
  }, [api, editing])

  useEffect(() => {
    if (!phrase.trim()) return
    let live = true
    const timer = setTimeout(() => {
      api.followups.parse({ phrase }).then(
        (r) => live && setPreview(r.ok ? { ok: true, dueAt: r.dueAt } : { ok: false, message: r.message }),
        () => undefined,
      )
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [api, phrase])

  const run = async (
    action: () => Promise<Note | { note: Note; outcome: { kind: string; attempt: number; dueAt?: string } }>,
  ) => {
    setMessage(null)
    try {
      await beforeChange?.()
      const result = await action()
      const saved = 'outcome' in result ? result.note : result
      if ('outcome' in result) {
        const o = result.outcome
        setMessage(
          o.kind === 'finished'
            ? t('followups.finished')
            : t('followups.next', { attempt: o.attempt, when: formatDue(o.dueAt!, i18n.language) }),
        )
      }
      setEditing(false)
      setPhrase('')
      onChanged(saved)
    } catch (error) {
      setMessage(t('followups.failed', { message: error instanceof Error ? error.message : String(error) }))
    }
  }
  const set = (input: { phrase?: string; dueAt?: string }) =>
    run(() =>
      api.followups.set({
        id: note.id,
        ...input,
        waitingOn: person.trim() || null,
        standard: standard || null,
      }),
    )
  const f = note.followUp
  const attempt = f?.attempt

  return (
    <section className="followup-bar" aria-label={t('followups.bar')}>
      {due && f ? (
        <div className="followup-current">
          <span className="followup-badge-icon" aria-hidden="true" />
          <strong>{t('followups.due', { when: formatDue(due, i18n.language) })}</strong>
          {f.waitingOn && <span>{t('followups.waitingOnPerson', { person: f.waitingOn })}</span>}
          {attempt && attempt > 1 ? <span>{t('followups.attempt', { attempt })}</span> : null}
          <div className="followup-actions">
            <button type="button" onClick={() => void run(() => api.followups.done({ id: note.id }))}>
              {t('followups.done')}
            </button>
            <button
              type="button"
              onClick={() => void run(() => api.followups.snooze({ id: note.id, phrase: '1h' }))}
            >
              {t('followups.snoozeHour')}
            </button>
            <button
              type="button"
              onClick={() => void run(() => api.followups.snooze({ id: note.id, phrase: 'tomorrow 9am' }))}
            >
              {t('followups.snoozeTomorrow')}
            </button>
            <button type="button" onClick={() => void run(() => api.followups.log({ id: note.id }))}>
              {t('followups.log')}
            </button>
            <button type="button" onClick={() => setEditing((v) => !v)}>
              {t('followups.change')}
            </button>
            <button type="button" onClick={() => void run(() => api.followups.clear({ id: note.id }))}>
              {t('followups.clear')}
            </button>
          </div>
        </div>
      ) : (
        <div className="followup-current">
          <span className="followup-none">
            {note.doneAt
              ? t('followups.doneAt', { when: formatDue(note.doneAt, i18n.language) })
              : t('followups.none')}
          </span>
          {note.doneAt && (
            <button type="button" onClick={() => void run(() => api.followups.reopen({ id: note.id }))}>
              {t('followups.reopen')}
            </button>
          )}
          {!editing && (
            <button type="button" className="primary-button" onClick={() => setEditing(true)}>
              {t('followups.set')}
            </button>
          )}
        </div>
      )}
      {editing && (
        <form
          className="followup-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (phrase.trim()) void set({ phrase })
          }}
        >
          <div className="followup-quick">
            <button type="button" onClick={() => void set({ phrase: '48h' })}>
              {t('followups.in48h')}
            </button>
            <button type="button" onClick={() => void set({ phrase: 'tomorrow 9am' })}>
              {t('followups.tomorrowMorning')}
            </button>
            <button type="button" onClick={() => void set({ phrase: 'next monday 9am' })}>
              {t('followups.nextWeek')}
            </button>
          </div>
          <label>
            {t('followups.phrase')}
            <input
              value={phrase}
              placeholder={t('followups.phrasePlaceholder')}
              onChange={(e) => {
                setPhrase(e.target.value)
                if (!e.target.value.trim()) setPreview(null)
              }}
              aria-describedby="followup-preview"
            />
          </label>
          <p
            id="followup-preview"
            className={`followup-preview${preview?.ok === false ? ' is-error' : ''}`}
            aria-live="polite"
          >
            {preview?.ok
              ? t('followups.parsed', { when: formatDue(preview.dueAt, i18n.language) })
              : preview?.message}
          </p>
          <label>
            {t('followups.picker')}
            <input
              type="datetime-local"
              min={toLocalInput(new Date())}
              onChange={(e) => e.target.value && void set({ dueAt: new Date(e.target.value).toISOString() })}
            />
          </label>
          <label>
            {t('followups.person')}
            <input value={person} onChange={(e) => setPerson(e.target.value)} />
          </label>
          <label>
            {t('followups.standard')}
            <select value={standard} onChange={(e) => setStandard(e.target.value)}>
              <option value="">{t('followups.noStandard')}</option>
              {standards.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <div className="followup-actions">
            <button type="submit" className="primary-button" disabled={!preview?.ok}>
              {t('followups.set')}
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              {t('followups.cancel')}
            </button>
          </div>
        </form>
      )}
      {message && (
        <p className="followup-message" role="status">
          {message}
        </p>
      )}
    </section>
  )
}
