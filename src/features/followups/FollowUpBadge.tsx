import { useTranslation } from 'react-i18next'
import { formatDue, pendingDue, type Followable } from './format'
import './FollowUpBadge.css'

/** The small clock in a note-list row: when the follow-up is due, red once it is overdue. */
export function FollowUpBadge({ note, now }: { note: Followable; now: Date }) {
  const { t, i18n } = useTranslation()
  const due = pendingDue(note)
  if (!due) return null
  const when = formatDue(due, i18n.language)
  const overdue = Date.parse(due) <= now.getTime()
  const label = overdue ? t('followups.badgeOverdue', { when }) : t('followups.badge', { when })
  return (
    <span
      className={`followup-badge${overdue ? ' is-overdue' : ''}`}
      role="img"
      aria-label={label}
      title={label}
    >
      <span className="followup-badge-icon" aria-hidden="true" />
      {when}
    </span>
  )
}
