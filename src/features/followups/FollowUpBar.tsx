import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../electron/shared/model'
import type { Standard } from '../../../electron/shared/followups/standards'
import { useApi } from '../../app/api-context'
import { useNow } from '../../lib/use-now'
import { FinishedPrompt } from './FinishedPrompt'
import { FollowUpForm, type FollowUpInput } from './FollowUpForm'
import { setNotice, useNotice } from './followup-notice'
import { standardLabel } from './standard-label'
import { formatDue, pendingDue } from './format'
import { messageOf } from '../../ui/message-of'

interface Props {
  note: Note
  /** Called with the saved note after every change, so the list and the editor pick up its revision. */
  onChanged: (note: Note) => void
  beforeChange?: () => Promise<void>
}

type Result =
  | Note
  | {
      note: Note
      outcome: { kind: 'next' | 'finished'; attempt: number; attempts: number | null; dueAt?: string }
    }

/**
 * Set, change, snooze, log, clear and finish a note's follow-up. A typed phrase is read by core's parser
 * (followups.parse) and the time is shown before anything is saved; after the cadence's last attempt the
 * bar asks what should happen next.
 */
export function FollowUpBar({ note, onChanged, beforeChange }: Props) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const notice = useNotice(note.id)
  const [editing, setEditing] = useState(false)
  const [standards, setStandards] = useState<Standard[]>([])
  const [defaultStandard, setDefaultStandard] = useState<string | null>(null)
  const due = pendingDue(note)
  const f = due ? note.followUp : null
  const now = useNow()
  const overdue = due !== null && Date.parse(due) <= now.getTime()

  useEffect(() => {
    api.followups.standards({}).then(setStandards, () => undefined)
  }, [api])
  useEffect(() => {
    // A new follow-up starts with the notebook's or tag's default cadence; the form shows which.
    if (editing && !note.followUp)
      api.followups.defaultFor({ id: note.id }).then(
        (r) => setDefaultStandard(r.standard),
        () => undefined,
      )
  }, [api, editing, note.id, note.followUp])

  const run = async (action: () => Promise<Result>, standard: string | null = f?.standard ?? null) => {
    setNotice(note.id, null)
    try {
      await beforeChange?.()
      const result = await action()
      const saved = 'outcome' in result ? result.note : result
      if ('outcome' in result) {
        const o = result.outcome
        setNotice(
          note.id,
          o.kind === 'finished'
            ? { ...o, kind: 'finished', standard }
            : { ...o, kind: 'next', dueAt: o.dueAt! },
        )
      }
      setEditing(false)
      onChanged(saved)
    } catch (error) {
      setNotice(note.id, { kind: 'error', message: messageOf(error) })
    }
  }
  const save = (input: FollowUpInput) => run(() => api.followups.set({ id: note.id, ...input }))
  const nameOf = (id: string | null) => {
    const s = standards.find((x) => x.id === id)
    return s ? standardLabel(s, t) : null
  }
  const standard = standards.find((s) => s.id === f?.standard)
  const attempts = notice?.kind === 'next' ? notice.attempts : null
  const simple = (label: string, action: () => Promise<Result>) => (
    <button type="button" onClick={() => void run(action)}>
      {label}
    </button>
  )

  return (
    <section
      className={`followup-bar${f ? ' is-set' : ''}${overdue ? ' is-overdue' : ''}`}
      aria-label={t('followups.bar')}
    >
      <div className="followup-current">
        <span className="followup-badge-icon" aria-hidden="true" />
        {f && due ? (
          <p className="followup-summary">
            <strong>
              {t(overdue ? 'followups.dueOverdue' : 'followups.due', { when: formatDue(due, i18n.language) })}
            </strong>
            {f.waitingOn && <span>{t('followups.waitingOnPerson', { person: f.waitingOn })}</span>}
            {standard && (
              <span>
                {standard.repeat
                  ? t('followups.attemptStandard', { attempt: f.attempt, name: standardLabel(standard, t) })
                  : t('followups.attemptOfStandard', {
                      attempt: f.attempt,
                      attempts: standard.offsets.length,
                      name: standardLabel(standard, t),
                    })}
              </span>
            )}
          </p>
        ) : (
          <p className="followup-summary followup-none">
            {note.doneAt
              ? t('followups.doneAt', { when: formatDue(note.doneAt, i18n.language) })
              : t('followups.none')}
          </p>
        )}
        <div className="followup-actions">
          {f ? (
            <>
              {simple(t('followups.done'), () => api.followups.done({ id: note.id }))}
              {simple(t('followups.snoozeHour'), () => api.followups.snooze({ id: note.id, phrase: '1h' }))}
              {simple(t('followups.snoozeTomorrow'), () =>
                api.followups.snooze({ id: note.id, phrase: 'tomorrow 9am' }),
              )}
              {simple(t('followups.log'), () => api.followups.log({ id: note.id }))}
              <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
                {t('followups.change')}
              </button>
              {simple(t('followups.clear'), () => api.followups.clear({ id: note.id }))}
            </>
          ) : (
            <>
              {note.doneAt && simple(t('followups.reopen'), () => api.followups.reopen({ id: note.id }))}
              {!editing && (
                <button type="button" className="primary-button" onClick={() => setEditing(true)}>
                  {t('followups.set')}
                </button>
              )}
            </>
          )}
        </div>
      </div>
      {editing && (
        <FollowUpForm
          standards={standards}
          initialPerson={note.followUp?.waitingOn ?? ''}
          initialStandard={note.followUp?.standard ?? defaultStandard ?? ''}
          key={note.followUp ? 'change' : `new:${defaultStandard ?? ''}`}
          onSave={save}
          onCancel={() => setEditing(false)}
        />
      )}
      {notice?.kind === 'next' && (
        <p className="followup-message" role="status">
          {t(attempts ? 'followups.nextOf' : 'followups.next', {
            attempt: notice.attempt,
            attempts,
            when: formatDue(notice.dueAt, i18n.language),
          })}
        </p>
      )}
      {notice?.kind === 'finished' && !editing && (
        <FinishedPrompt
          attempt={notice.attempt}
          standardName={nameOf(notice.standard)}
          onDone={() => void run(() => api.followups.done({ id: note.id }))}
          onRestart={
            notice.standard
              ? () => void run(() => api.followups.set({ id: note.id, standard: notice.standard }))
              : undefined
          }
          onNew={() => setEditing(true)}
          onLeave={() => setNotice(note.id, null)}
        />
      )}
      {notice?.kind === 'error' && (
        <p className="followup-message is-error" role="alert">
          {t('followups.failed', { message: notice.message })}
        </p>
      )}
    </section>
  )
}
