import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Note } from '../../../electron/shared/model'
import { useApi } from '../../app/api-context'
import { formatDue } from '../followups/format'
import './mail.css'

type LinkInfo = Awaited<ReturnType<ReturnType<typeof useApi>['mail']['linkInfo']>>

/**
 * Where a note made from a message came from: the account, the recipients, the Message-ID, the reply
 * that closed it, and "Open in mail". Main builds the link from the Message-ID stored in the note; the
 * page only names the note. Where no program can open it, the panel says so instead of a dead button.
 */
export function MailSource({ note }: { note: Note }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const ref = note.mail
  const [link, setLink] = useState<LinkInfo | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (!ref) return
    let live = true
    api.mail.linkInfo({ noteId: note.id }).then(
      (info) => live && setLink(info),
      () => undefined,
    )
    return () => void (live = false)
  }, [api, note.id, ref])

  if (!ref) return null
  const people = ref.to.map((p) => p.name || p.address).join(', ')
  const reply = ref.reply
  return (
    <section className="mail-source" aria-label={t('mail.sourceLabel')}>
      <p className="mail-source-line">
        <strong>{t(ref.kind === 'sent' ? 'mail.fromSent' : 'mail.fromFiled')}</strong>
        {link && ` · ${link.account ? t('mail.via', { account: link.account }) : t('mail.accountRemoved')}`}
        {people && ` · ${t('mail.to', { people })}`}
      </p>
      {ref.messageId ? (
        <p className="mail-source-line">
          {t('mail.messageId')}: <code>{ref.messageId}</code>
        </p>
      ) : (
        <p className="mail-source-line">{t('mail.noMessageId')}</p>
      )}
      {reply && (
        <p className="mail-source-line mail-source-reply">
          {t(reply.closedFollowUp ? 'mail.repliedBy' : 'mail.repliedKept', {
            name: reply.name || reply.address,
            when: formatDue(reply.at, i18n.language),
          })}
        </p>
      )}
      {ref.remarks.map((remark) => (
        <p key={remark} className="mail-source-line">
          {remark}
        </p>
      ))}
      {link?.messageId &&
        (link.openWith ? (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setFailed(false)
              api.mail.openMessage({ noteId: note.id }).then(
                (r) => setFailed(!r.opened),
                () => setFailed(true),
              )
            }}
          >
            {t(link.openWith === 'web' ? 'mail.openInWeb' : 'mail.openInMail')}
          </button>
        ) : (
          <p className="mail-source-line">{t('mail.cannotOpen')}</p>
        ))}
      {failed && (
        <p className="mail-source-line is-error" role="alert">
          {t('mail.openFailed')}
        </p>
      )}
    </section>
  )
}
