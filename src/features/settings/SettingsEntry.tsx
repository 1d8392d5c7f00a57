import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Standard } from '../../../electron/shared/followups/standards'
import { useApi } from '../../app/api-context'
import { MailSettings } from '../mail/MailSettings'
import { CalendarSettings } from './CalendarSettings'
import { DefaultStandards } from './DefaultStandards'
import { LanguageSettings } from './LanguageSettings'
import { StandardsSettings } from './StandardsSettings'
import './settings-dialog.css'

/**
 * "Settings" at the foot of the sidebar and the dialog it opens: follow-up standards, the default
 * standard per notebook, tag and board, the calendar feed and mail accounts. A modal <dialog> traps focus and closes
 * on Escape; its sections load only while it is open.
 */
export function SettingsEntry() {
  const { t } = useTranslation()
  const api = useApi()
  const ref = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)
  const [standards, setStandards] = useState<Standard[]>([])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
    if (open) api.followups.standards({}).then(setStandards, () => undefined)
  }, [api, open])

  return (
    <>
      <button type="button" className="settings-open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span className="nav-icon icon-settings" aria-hidden="true" />
        <span>{t('followups.settingsOpen')}</span>
      </button>
      <dialog
        ref={ref}
        className="settings-dialog"
        aria-labelledby="settings-title"
        onClose={() => setOpen(false)}
      >
        {open && (
          <>
            <header className="settings-header">
              <h2 id="settings-title">{t('followups.settingsTitle')}</h2>
              <button
                type="button"
                className="icon-button"
                aria-label={t('followups.settingsClose')}
                title={t('followups.settingsClose')}
                onClick={() => setOpen(false)}
              >
                ×
              </button>
            </header>
            <div className="settings-body">
              <LanguageSettings />
              <StandardsSettings standards={standards} onChanged={setStandards} />
              <DefaultStandards standards={standards} />
              <CalendarSettings />
              <MailSettings />
            </div>
          </>
        )}
      </dialog>
    </>
  )
}
