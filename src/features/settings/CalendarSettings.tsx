import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CalendarStatus } from '../../../electron/shared/contract-followups'
import { useApi } from '../../app/api-context'
import { formatDue } from '../followups/format'
import { messageOf } from '../../ui/message-of'

/**
 * The calendar feed: a folder core keeps an .ics of open follow-ups in. In Electron the folder comes only
 * from main's folder dialog (core refuses a path sent from the page), so the field just shows it; the
 * preview takes a typed path, which core checks exists and is not a system folder before switching over.
 */
export function CalendarSettings() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const headingId = useId()
  const [status, setStatus] = useState<CalendarStatus | null>(null)
  const [path, setPath] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api.followups.calendar({}).then(
      (s) => {
        setStatus(s)
        setPath(s.folder ?? '')
      },
      (e: unknown) => setError(t('followups.calendarFailed', { message: messageOf(e) })),
    )
  }, [api, t])

  const apply = async (change: () => Promise<CalendarStatus>) => {
    setError(null)
    setBusy(true)
    try {
      const next = await change()
      setStatus(next)
      setPath(next.folder ?? '')
    } catch (e) {
      setError(t('followups.calendarFailed', { message: messageOf(e) }))
    } finally {
      setBusy(false)
    }
  }
  const typed = path.trim()
  const canPick = status?.canPick ?? false

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('followups.calendarTitle')}</h3>
      <p className="settings-hint">{t('followups.calendarHint')}</p>
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (typed && !canPick) void apply(() => api.followups.setCalendarFolder({ folder: typed }))
        }}
      >
        <label className="settings-field is-grow">
          <span>{t('followups.calendarFolder')}</span>
          <input
            value={path}
            readOnly={canPick}
            placeholder={t(canPick ? 'followups.calendarFolderNone' : 'followups.calendarFolderPlaceholder')}
            spellCheck={false}
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        {canPick && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void apply(() => api.followups.pickCalendarFolder({}))}
          >
            {t('followups.calendarPick')}
          </button>
        )}
        {!canPick && (
          <button
            type="submit"
            className="primary-button"
            disabled={busy || !typed || typed === status?.folder}
          >
            {t('followups.calendarSave')}
          </button>
        )}
        {status?.folder && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void apply(() => api.followups.setCalendarFolder({ folder: null }))}
          >
            {t('followups.calendarOff')}
          </button>
        )}
      </form>
      <p className={`settings-status${status?.error ? ' is-error' : ''}`} role="status">
        {!status
          ? ''
          : !status.file
            ? t('followups.calendarIsOff')
            : (status.error ??
              (status.writtenAt
                ? t('followups.calendarWritten', {
                    file: status.file,
                    when: formatDue(status.writtenAt, i18n.language),
                  })
                : t('followups.calendarWriting', { file: status.file })))}
      </p>
      {error && (
        <p className="settings-status is-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
