import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MailAccountEntry, MailSecurity, MailTestResult } from '../../../electron/shared/contract-mail'
import { useApi } from '../../app/api-context'
import { MailFailure } from './MailFailure'
import { messageOf } from '../../ui/message-of'

const PORTS: Record<MailSecurity, number> = { tls: 993, starttls: 143 }

interface Draft {
  host: string
  port: string
  security: MailSecurity
  user: string
  email: string
  password: string
  ticklerFolder: string
  trackExternal: boolean
}
const EMPTY: Draft = {
  host: '',
  port: '993',
  security: 'tls',
  user: '',
  email: '',
  password: '',
  ticklerFolder: 'Tickler',
  trackExternal: false,
}

/**
 * A new account: the settings, "Test connection" (logs in and out, saves nothing) and "Add account".
 * The password goes to main in the call and is never read back. A certificate that does not verify is
 * shown, and trusted only when the user ticks the box under it.
 */
export function MailAccountForm({
  onAdded,
  onCancel,
}: {
  onAdded: (entry: MailAccountEntry) => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const titleId = useId()
  const [draft, setDraft] = useState(EMPTY)
  const [tested, setTested] = useState<MailTestResult | null>(null)
  const [trust, setTrust] = useState<string | null>(null)
  const [busy, setBusy] = useState<'test' | 'add' | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    // A test answers for the settings it ran with; another server or user needs another test.
    if (
      patch.host !== undefined ||
      patch.port !== undefined ||
      patch.security !== undefined ||
      patch.user !== undefined
    ) {
      setTested(null)
      setTrust(null)
    }
  }
  const port = Number(draft.port)
  const input = () => {
    if (!draft.host.trim() || !draft.user.trim() || !draft.password) return t('mail.required')
    if (!Number.isInteger(port) || port < 1 || port > 65535) return t('mail.badPort')
    return {
      host: draft.host.trim(),
      port,
      security: draft.security,
      user: draft.user.trim(),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
      password: draft.password,
      ticklerFolder: draft.ticklerFolder.trim() || 'Tickler',
      trackExternal: draft.trackExternal,
      ...(trust ? { trustFingerprint: trust } : {}),
    }
  }
  const act = async (what: 'test' | 'add') => {
    const call = input()
    if (typeof call === 'string') return setProblem(call)
    setProblem(null)
    setBusy(what)
    try {
      if (what === 'test') setTested(await api.mail.test(call))
      else onAdded(await api.mail.add(call))
    } catch (e) {
      setProblem(t('mail.addFailed', { message: messageOf(e) }))
    } finally {
      setBusy(null)
    }
  }
  const invalid = problem === t('mail.badPort')
  const folder = draft.ticklerFolder.trim() || 'Tickler'

  return (
    <form
      className="settings-form mail-form"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault()
        void act('add')
      }}
    >
      <h4 id={titleId}>{t('mail.formTitle')}</h4>
      <label className="settings-field">
        <span>{t('mail.host')}</span>
        <input
          value={draft.host}
          placeholder="imap.gmail.com"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => change({ host: e.target.value })}
        />
      </label>
      <label className="settings-field">
        <span>{t('mail.port')}</span>
        <input
          inputMode="numeric"
          value={draft.port}
          aria-invalid={invalid}
          onChange={(e) => change({ port: e.target.value })}
        />
      </label>
      <fieldset className="mail-security">
        <legend>{t('mail.security')}</legend>
        {(['tls', 'starttls'] as const).map((s) => (
          <label key={s}>
            <input
              type="radio"
              name={`${titleId}-security`}
              checked={draft.security === s}
              // The port follows while it is still the other mode's usual one.
              onChange={() =>
                change({
                  security: s,
                  ...(draft.port === String(PORTS[draft.security]) ? { port: String(PORTS[s]) } : {}),
                })
              }
            />
            <span>{t(s === 'tls' ? 'mail.securityTls' : 'mail.securityStarttls')}</span>
          </label>
        ))}
      </fieldset>
      <label className="settings-field">
        <span>{t('mail.user')}</span>
        <input
          value={draft.user}
          placeholder="me@example.com"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => change({ user: e.target.value })}
        />
      </label>
      <label className="settings-field">
        <span>{t('mail.email')}</span>
        <input
          type="email"
          value={draft.email}
          placeholder={t('mail.emailHint')}
          spellCheck={false}
          onChange={(e) => change({ email: e.target.value })}
        />
      </label>
      <label className="settings-field">
        <span>{t('mail.password')}</span>
        <input
          type="password"
          value={draft.password}
          autoComplete="off"
          onChange={(e) => change({ password: e.target.value })}
        />
      </label>
      <label className="settings-field">
        <span>{t('mail.ticklerFolder')}</span>
        <input
          value={draft.ticklerFolder}
          title={t('mail.ticklerFolderHint')}
          onChange={(e) => change({ ticklerFolder: e.target.value })}
        />
      </label>
      <label className="mail-toggle is-wide">
        <input
          type="checkbox"
          checked={draft.trackExternal}
          onChange={(e) => change({ trackExternal: e.target.checked })}
        />
        <span>
          {t('mail.trackExternal')} <small>{t('mail.trackExternalHint')}</small>
        </span>
      </label>
      <div className="mail-test-result" aria-live="polite">
        {tested?.ok && (
          <p className="settings-status" role="status">
            {t('mail.testOk')}{' '}
            {tested.folders?.sent
              ? t('mail.testSent', { folder: tested.folders.sent })
              : t('mail.testNoSent')}{' '}
            {tested.folders?.tickler
              ? t('mail.testTickler', { folder: tested.folders.tickler })
              : t('mail.testNoTickler', { folder })}
          </p>
        )}
        {tested?.error && (
          <MailFailure
            failure={tested.error}
            account={t('mail.accountOn', { user: draft.user.trim(), host: draft.host.trim() })}
            trust={
              tested.error.certificate && (
                <label className="mail-toggle">
                  <input
                    type="checkbox"
                    checked={trust === tested.error.certificate.fingerprint}
                    onChange={(e) =>
                      setTrust(e.target.checked ? tested.error!.certificate!.fingerprint : null)
                    }
                  />
                  <span>{t('mail.trust')}</span>
                </label>
              )
            }
          />
        )}
      </div>
      {problem && (
        <p className="settings-status is-error" role="alert">
          {problem}
        </p>
      )}
      <div className="settings-actions">
        <button type="button" onClick={onCancel}>
          {t('mail.cancel')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void act('test')}>
          {busy === 'test' ? t('mail.testing') : t('mail.test')}
        </button>
        <button type="submit" className="primary-button" disabled={busy !== null}>
          {busy === 'add' ? t('mail.adding') : t('mail.save')}
        </button>
      </div>
    </form>
  )
}
