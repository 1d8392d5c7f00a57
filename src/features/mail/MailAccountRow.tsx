import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MailAccountEntry } from '../../../electron/shared/contract-mail'
import { useApi } from '../../app/api-context'
import { formatDue } from '../followups/format'
import { MailFailure } from './MailFailure'
import { accountName } from './mail-text'
import { messageOf } from '../../ui/message-of'

/**
 * One account in Settings → Mail: its state (last check, the last error naming the cause, counts),
 * external tracking on/off, Check now, trusting a certificate that did not verify, a new password when
 * none is kept here, and Remove (asked twice, since its password is forgotten).
 */
export function MailAccountRow({
  entry,
  onChanged,
}: {
  entry: MailAccountEntry
  onChanged: (next: MailAccountEntry | null) => void
}) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const nameId = useId()
  const { account, status } = entry
  const name = accountName(account)
  const [busy, setBusy] = useState<'check' | 'save' | 'remove' | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  // The click shows at once; once the call settles the saved account says what is on.
  const [pendingTrack, setPendingTrack] = useState<boolean | null>(null)

  const run = async (what: 'check' | 'save' | 'remove', call: () => Promise<MailAccountEntry | null>) => {
    setBusy(what)
    setError(null)
    try {
      onChanged(await call())
    } catch (e) {
      setError(t('mail.actionFailed', { message: messageOf(e) }))
    } finally {
      setBusy(null)
      setPendingTrack(null)
    }
  }
  const when = (iso: string) => formatDue(iso, i18n.language)
  const missing = t('mail.folderMissing')

  return (
    <li className="mail-account" aria-labelledby={nameId}>
      <div className="mail-account-head">
        <div className="mail-account-text">
          <strong id={nameId}>{name}</strong>
          <span>
            {account.user} · {account.host}:{account.port} · {account.security === 'tls' ? 'TLS' : 'STARTTLS'}
          </span>
        </div>
        <span className={`mail-state is-${status.state}`}>{t(`mail.state_${status.state}`)}</span>
      </div>
      <p className="mail-account-meta">
        {status.lastCheckedAt
          ? t('mail.lastChecked', { when: when(status.lastCheckedAt) })
          : t('mail.neverChecked')}
        {status.error && ` · ${t('mail.lastFailed', { when: when(status.error.at) })}`}
        {' · '}
        {t('mail.counts', status.counts)}
        {status.state === 'connected' &&
          ` · ${t('mail.folders', { sent: status.folders.sent ?? missing, tickler: status.folders.tickler ?? missing })}`}
      </p>
      {status.error && (
        <MailFailure
          failure={status.error}
          account={name}
          trust={
            status.error.certificate && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() =>
                  void run('check', () =>
                    api.mail.trustCertificate({
                      id: account.id,
                      fingerprint: status.error!.certificate!.fingerprint,
                    }),
                  )
                }
              >
                {t('mail.trust')}
              </button>
            )
          }
        />
      )}
      {status.error?.retryAt && (
        <p className="mail-account-meta">{t('mail.retryAt', { when: when(status.error.retryAt) })}</p>
      )}
      {(status.error?.kind === 'password-missing' || status.error?.kind === 'auth') && (
        <form
          className="settings-row"
          onSubmit={(e) => {
            e.preventDefault()
            if (password)
              void run('save', () => api.mail.update({ id: account.id, password })).then(() =>
                setPassword(''),
              )
          }}
        >
          <label className="settings-field is-grow">
            <span>{t('mail.newPassword')}</span>
            <input
              type="password"
              autoComplete="off"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button type="submit" disabled={busy !== null || !password}>
            {t('mail.savePassword')}
          </button>
        </form>
      )}
      <label className="mail-toggle">
        <input
          type="checkbox"
          checked={pendingTrack ?? account.trackExternal}
          disabled={busy !== null}
          onChange={(e) => {
            const on = e.target.checked
            setPendingTrack(on)
            void run('save', () => api.mail.update({ id: account.id, trackExternal: on }))
          }}
        />
        <span>{t('mail.trackExternal')}</span>
      </label>
      {confirming ? (
        <div className="mail-confirm" role="group" aria-label={t('mail.removeConfirm', { account: name })}>
          <p>{t('mail.removeConfirm', { account: name })}</p>
          <button
            type="button"
            className="danger"
            disabled={busy !== null}
            onClick={() => void run('remove', async () => (await api.mail.remove({ id: account.id }), null))}
          >
            {t('mail.removeYes')}
          </button>
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            {t('mail.cancel')}
          </button>
        </div>
      ) : (
        <div className="mail-account-actions">
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => void run('check', () => api.mail.check({ id: account.id }))}
          >
            {busy === 'check' ? t('mail.checking') : t('mail.checkNow')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy !== null}
            onClick={() => setConfirming(true)}
          >
            {t('mail.remove')}
          </button>
        </div>
      )}
      {error && (
        <p className="settings-status is-error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
