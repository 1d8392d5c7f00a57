import { useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MailAccountEntry } from '../../../electron/shared/contract-mail'
import { useApi } from '../../app/api-context'
import { MailAccountForm } from './MailAccountForm'
import { MailAccountRow } from './MailAccountRow'
import './mail.css'
import { messageOf } from '../../ui/message-of'

/**
 * Settings → Mail accounts: the accounts with their state (kept current by main's mail.changed), how
 * passwords are kept on this host, and the form that adds one. Passwords only ever go to main.
 */
export function MailSettings() {
  const { t } = useTranslation()
  const api = useApi()
  const headingId = useId()
  const [accounts, setAccounts] = useState<MailAccountEntry[] | null>(null)
  const [storage, setStorage] = useState<'keychain' | 'memory' | null>(null)
  const [preview, setPreview] = useState(false)
  const [adding, setAdding] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(
    () =>
      api.mail.accounts({}).then(
        (r) => {
          setAccounts(r.accounts)
          setStorage(r.passwordStorage)
          setError(null)
        },
        (e: unknown) => setError(t('mail.loadFailed', { message: messageOf(e) })),
      ),
    [api, t],
  )
  useEffect(() => {
    void load()
    api.app.info({}).then(
      (info) => setPreview(info.preview),
      () => undefined,
    )
    return api.on('mail.changed', () => void load())
  }, [api, load])

  const replace = (id: string, next: MailAccountEntry | null) =>
    setAccounts((list) => (list ?? []).flatMap((e) => (e.account.id !== id ? [e] : next ? [next] : [])))

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('mail.title')}</h3>
      <p className="settings-hint">{t('mail.hint')}</p>
      {storage && (
        <p className={`settings-hint${storage === 'memory' ? ' is-warning' : ''}`}>
          {storage === 'keychain'
            ? t('mail.passwordKeychain')
            : preview
              ? t('mail.passwordMemoryPreview')
              : t('mail.passwordMemory')}
        </p>
      )}
      {accounts && accounts.length === 0 && !adding && <p className="settings-hint">{t('mail.none')}</p>}
      {accounts && accounts.length > 0 && (
        <ul className="mail-accounts" aria-label={t('mail.listLabel')}>
          {accounts.map((entry) => (
            <MailAccountRow
              key={entry.account.id}
              entry={entry}
              onChanged={(next) => replace(entry.account.id, next)}
            />
          ))}
        </ul>
      )}
      {adding ? (
        <MailAccountForm
          onCancel={() => setAdding(false)}
          onAdded={(entry) => {
            setAdding(false)
            setAccounts((list) => [...(list ?? []).filter((e) => e.account.id !== entry.account.id), entry])
          }}
        />
      ) : (
        <button type="button" className="settings-add" onClick={() => setAdding(true)}>
          {t('mail.add')}
        </button>
      )}
      {error && (
        <p className="settings-status is-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
