import { useTranslation } from 'react-i18next'
import type { MailCertificate, MailErrorKind } from '../../../electron/shared/contract-mail'
import { certificateText, failureText } from './mail-text'

export interface Failure {
  kind: MailErrorKind
  message: string
  certificate: MailCertificate | null
}

/**
 * A failed check or test: the cause in the user's language, then core's own sentence under Details (it
 * quotes the server's answer, which no translation can), and the certificate the server showed when it did not
 * verify. `trust` renders the control that trusts it, which differs between a saved and a new account.
 */
export function MailFailure({
  failure,
  account,
  trust,
}: {
  failure: Failure
  account: string
  trust?: React.ReactNode
}) {
  const { t } = useTranslation()
  return (
    <div className="mail-failure" role="alert">
      <p className="mail-failure-cause">{failureText(t, failure.kind, account)}</p>
      <details className="mail-failure-detail">
        <summary>{t('mail.details')}</summary>
        {failure.message}
      </details>
      {failure.certificate && (
        <>
          <p className="mail-failure-detail">{certificateText(t, failure.certificate)}</p>
          <p className="mail-failure-detail">{t('mail.trustHint')}</p>
          {trust}
        </>
      )}
    </div>
  )
}
