import { useTranslation } from 'react-i18next'

interface Props {
  /** Overdue plus due today: what needs the user now. */
  count: number
  active: boolean
  onOpen: () => void
}

/** The sidebar entry (a list item in the sidebar's nav list) for the Follow-ups view, with how many are due. */
export function FollowUpsNav({ count, active, onOpen }: Props) {
  const { t } = useTranslation()
  return (
    // A nav-entry like its neighbours, so its count lines up with theirs.
    <li className="nav-entry">
      <button
        type="button"
        className="nav-item"
        aria-current={active ? 'page' : undefined}
        aria-describedby="count-followups"
        onClick={onOpen}
      >
        <span className="nav-icon icon-followups" aria-hidden="true" />
        <span className="nav-label">{t('followups.nav')}</span>
        <span
          className={`nav-count${count > 0 ? ' is-due' : ''}`}
          id="count-followups"
          aria-label={t('followups.navCount', { count })}
        >
          {count}
        </span>
      </button>
    </li>
  )
}
