import { useTranslation } from 'react-i18next'
import type { FollowUpItem, FollowUpView } from '../../../electron/shared/contract-followups'
import { formatDue } from './format'

interface Props {
  view: FollowUpView | null
  onOpen: (id: string) => void
}

/** Overdue, Today, Upcoming, Waiting on (by person) and Recently done, each with its count. */
export function FollowUpsView({ view, onOpen }: Props) {
  const { t, i18n } = useTranslation()
  const row = (item: { id: string; title: string }, time: string, extra?: string) => (
    <li key={item.id}>
      <button type="button" className="followup-row" onClick={() => onOpen(item.id)}>
        <span className="followup-row-title">{item.title.trim() || t('list.untitled')}</span>
        {extra && <span className="followup-row-extra">{extra}</span>}
        <time dateTime={time}>{formatDue(time, i18n.language)}</time>
      </button>
    </li>
  )
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
            <ul>{view.recentlyDone.map((d) => row(d, d.doneAt))}</ul>,
          )}
        </div>
      )}
    </section>
  )
}
