import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ShortcutStatus } from '../../../electron/shared/contract-capture'
import { useApi } from '../../app/api-context'
import { CaptureSettings, ShortcutNotice } from './CaptureSettings'
import './CaptureEntry.css'

/**
 * The main window's way into quick-capture settings, plus the notice when the OS refused the global
 * shortcut at start-up (main also sends 'capture.shortcutStatus' whenever that changes).
 */
export function CaptureEntry() {
  const { t } = useTranslation()
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [refused, setRefused] = useState<ShortcutStatus | null>(null)
  const [mac, setMac] = useState(false)

  useEffect(() => {
    const seen = (s: ShortcutStatus) => setRefused(s.state === 'refused' ? s : null)
    void api.settings
      .captureShortcut({})
      .then(seen)
      .catch(() => undefined)
    void api.app.info({}).then((info) => setMac(info.platform === 'darwin'))
    return api.on('capture.shortcutStatus', seen)
  }, [api])

  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])

  return (
    <>
      <button
        type="button"
        className="capture-settings-open"
        aria-label={t('capture.settings.open')}
        title={t('capture.settings.open')}
        onClick={() => setOpen(true)}
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <rect
            x="1.5"
            y="4"
            width="13"
            height="8.5"
            rx="1.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.3"
          />
          <path
            d="M4 6.5h1M7 6.5h2M11 6.5h1M5 9.5h6"
            stroke="currentColor"
            strokeWidth="1.3"
            strokeLinecap="round"
          />
        </svg>
      </button>
      {refused && !open && (
        <div className="capture-refused-banner">
          <ShortcutNotice status={refused} mac={mac} />
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            {t('capture.settings.open')}
          </button>
          <button type="button" className="link-button" onClick={() => setRefused(null)}>
            {t('capture.status.dismiss')}
          </button>
        </div>
      )}
      {open && (
        <div
          className="capture-settings-backdrop"
          onClick={(e) => e.target === e.currentTarget && setOpen(false)}
        >
          <CaptureSettings onClose={() => setOpen(false)} />
        </div>
      )}
    </>
  )
}
