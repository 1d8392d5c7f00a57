import { useTranslation } from 'react-i18next'
import type { TicklerApi } from '../../../electron/shared/contract'
import './FollowUpRowActions.css'

type Action = 'done' | 'snoozeHour' | 'snoozeTomorrow' | 'log' | 'reopen'

/** What each row action asks core to do: the same calls, phrases and rules as the note's follow-up bar. */
export function runRowAction(api: TicklerApi, action: Action, id: string) {
  switch (action) {
    case 'done':
      return api.followups.done({ id })
    case 'snoozeHour':
      return api.followups.snooze({ id, phrase: '1h' })
    case 'snoozeTomorrow':
      return api.followups.snooze({ id, phrase: 'tomorrow 9am' })
    case 'log':
      return api.followups.log({ id })
    case 'reopen':
      return api.followups.reopen({ id })
  }
}

const PENDING: { action: Action; short: string }[] = [
  { action: 'done', short: 'followups.rowDone' },
  { action: 'snoozeHour', short: 'followups.rowSnoozeHour' },
  { action: 'snoozeTomorrow', short: 'followups.rowSnoozeTomorrow' },
  { action: 'log', short: 'followups.rowLog' },
]
const DONE: typeof PENDING = [{ action: 'reopen', short: 'followups.reopen' }]

interface Props {
  title: string
  done?: boolean
  busy: boolean
  onAction: (action: Action) => void
}

/**
 * Done, snooze and log right on a Follow-ups row, so a morning's list can be worked through without
 * opening each note. Short visible labels; the accessible name says which note each button acts on.
 */
export function FollowUpRowActions({ title, done = false, busy, onAction }: Props) {
  const { t } = useTranslation()
  return (
    <div className="followup-row-actions" role="group" aria-label={t('followups.rowActions', { title })}>
      {(done ? DONE : PENDING).map(({ action, short }) => (
        <button
          key={action}
          type="button"
          disabled={busy}
          aria-label={t('followups.rowAction', { action: t(`followups.${action}`), title })}
          title={t(`followups.${action}`)}
          onClick={() => onAction(action)}
        >
          {t(short)}
        </button>
      ))}
    </div>
  )
}

export type { Action as FollowUpRowAction }
