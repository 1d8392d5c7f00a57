import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowUpItem, FollowUpView } from '../../../electron/shared/contract-followups'
import { useApi } from '../../app/api-context'
import { FollowUpRowActions, runRowAction, type FollowUpRowAction } from './FollowUpRowActions'
import { setNotice } from './followup-notice'
import { formatDue } from './format'
import { messageOf } from '../../ui/message-of'

type Status = { kind: 'ok' | 'finished' | 'error'; text: string; id?: string } | null

interface Props {
  view: FollowUpView | null
  onOpen: (id: string) => void
}

/** Overdue, Today, Upcoming, Waiting on (by person) and Recently done, each with its count. */
export function FollowUpsView({ view, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>(null)

  const act = async (id: string, title: string, action: FollowUpRowAction) => {
    setBusy(id)
    setStatus(null)
    try {
      const result = await runRowAction(api, action, id)
      if ('outcome' in result && result.outcome.kind === 'finished') {
        // The note's own bar asks what next; opening the note from here shows that question.
        const o = result.outcome
        const standard = result.note.followUp?.standard ?? null
        setNotice(id, { kind: 'finished', attempt: o.attempt, attempts: o.attempts, standard })
        setStatus({ kind: 'finished', id, text: t('followups.rowFinished', { title, attempt: o.attempt }) })
      } else {
        setStatus({ kind: 'ok', text: t(`followups.rowDid_${action}`, { title }) })
      }
    } catch (error) {
      const message = messageOf(error)
      setStatus({ kind: 'error', text: t('followups.failed', { message }) })
    } finally {
      setBusy(null)
    }
  }

  const row = (item: { id: string; title: string }, time: string, extra?: string, done = false) => {
    const title = item.title.trim() || t('list.untitled')
    return (
      <li key={item.id} className="followup-item">
        <button type="button" className="followup-row" onClick={() => onOpen(item.id)}>
          <span className="followup-row-title">{title}</span>
          {extra && <span className="followup-row-extra">{extra}</span>}
          <time dateTime={time}>{formatDue(time, i18n.language)}</time>
        </button>
        <FollowUpRowActions
          title={title}
          done={done}
          busy={busy === item.id}
          onAction={(action) => void act(item.id, title, action)}
        />
      </li>
    )
  }
  const extra = (i: FollowUpItem, byPerson = false) =>
    [
      !byPerson && i.waitingOn && t('followups.waitingOnPerson', { person: i.waitingOn }),
      i.attempts ? t('followups.attemptOf', { attempt: i.attempt, attempts: i.attempts }) : '',
    ]
      .filter(Boolean)
      .join(' · ')
  const section = (id: string, title: string, count: number, body: React.ReactNode) => (
    <section className={`followup-section is-${id}`} aria-labelledby={`fu-${id}`}>
      <h3 id={`fu-${id}`}>
        {title} <span className="nav-count">{count}</span>
      </h3>
      {count === 0 ? <p className="followup-empty">{t('followups.empty')}</p> : body}
    </section>
  )
  // Under a person's name in "Waiting on", repeating who we wait on would only add noise.
  const list = (items: FollowUpItem[], byPerson = false) => (
    <ul>{items.map((i) => row(i, i.dueAt, extra(i, byPerson)))}</ul>
  )
  return (
    <section className="followups-pane" aria-label={t('followups.title')}>
      <header className="list-header">
        <h2>{t('followups.title')}</h2>
      </header>
      <div className="followups-status" role={status?.kind === 'error' ? 'alert' : 'status'}>
        {status && (
          <p className={`followup-message is-${status.kind}`}>
            {status.text}
            {status.id && (
              <button type="button" className="link-button" onClick={() => onOpen(status.id!)}>
                {t('followups.rowOpen')}
              </button>
            )}
          </p>
        )}
      </div>
      {view && (
        <div className="followups-body">
          {section('overdue', t('followups.overdue'), view.counts.overdue, list(view.overdue))}
          {section('today', t('followups.today'), view.counts.today, list(view.today))}
          {section('upcoming', t('followups.upcoming'), view.counts.upcoming, list(view.upcoming))}
          {section(
            'waiting',
            t('followups.waitingOn'),
            view.counts.waitingOn,
            view.waitingOn.map((g) => (
              <div key={g.person} className="followup-person">
                <h4>{g.person}</h4>
                {list(g.items, true)}
              </div>
            )),
          )}
          {section(
            'done',
            t('followups.recentlyDone'),
            view.counts.recentlyDone,
            <ul>{view.recentlyDone.map((d) => row(d, d.doneAt, undefined, true))}</ul>,
          )}
        </div>
      )}
    </section>
  )
}
