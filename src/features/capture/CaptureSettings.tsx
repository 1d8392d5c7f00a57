import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaptureSettings as Settings, ShortcutStatus } from '../../../electron/shared/contract-capture'
import { INBOX_ID } from '../../../electron/shared/domain/notes'
import { useApi } from '../../app/api-context'
import { displayAccelerator, recordAccelerator } from './accelerator'
import { isMac } from './capture-keys'
import { useDestinations } from './use-destinations'
import { messageOf } from '../../ui/message-of'

/** The shortcut's state in words: refusals and Wayland are explained, with the ways that always work. */
export function ShortcutNotice({ status, mac }: { status: ShortcutStatus; mac: boolean }) {
  const { t } = useTranslation()
  const shortcut = displayAccelerator(status.refused ?? status.accelerator ?? '', mac)
  if (status.state === 'registered' && status.refused) {
    const kept = displayAccelerator(status.accelerator ?? '', mac)
    return (
      <p className="capture-notice" role="alert">
        {t('capture.status.refusedKept', { refused: shortcut, shortcut: kept })}
      </p>
    )
  }
  if (status.state === 'registered') return null
  return (
    <p
      className={`capture-notice capture-notice-${status.state}`}
      role={status.state === 'refused' ? 'alert' : undefined}
    >
      {t(`capture.status.${status.state}`, { shortcut })}
    </p>
  )
}

/** Quick capture settings: a press-to-record shortcut field, the default destination and keep-in-tray. */
export function CaptureSettings({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [mac, setMac] = useState(false)
  const [status, setStatus] = useState<ShortcutStatus | null>(null)
  const [settings, setSettings] = useState<Settings | null>(null)
  const [recording, setRecording] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const recorder = useRef<HTMLButtonElement>(null)
  const boardLabel = useCallback((name: string) => t('capture.board', { name }), [t])
  const { destinations } = useDestinations(api, {
    notebooks: t('capture.notebooks'),
    inbox: t('sidebar.inbox'),
    board: boardLabel,
  })

  useEffect(() => {
    void api.app.info({}).then((info) => setMac(isMac(info.platform)))
    void api.settings.captureShortcut({}).then(setStatus)
    void api.capture.settings({}).then(setSettings)
    return api.on('capture.shortcutStatus', setStatus)
  }, [api])

  const change = async (accelerator: string | null) => {
    setRecording(false)
    setProblem(null)
    try {
      setStatus(await api.settings.setCaptureShortcut({ accelerator }))
    } catch (error) {
      setProblem(messageOf(error))
    }
  }
  const update = async (patch: Partial<Settings>) => {
    try {
      setSettings(await api.capture.updateSettings(patch))
    } catch (error) {
      setProblem(messageOf(error))
    }
  }

  const onRecordKey = (event: React.KeyboardEvent) => {
    if (!recording) return
    event.preventDefault()
    event.stopPropagation()
    if (event.key === 'Escape' && !event.ctrlKey && !event.metaKey && !event.altKey)
      return setRecording(false)
    const result = recordAccelerator(event.nativeEvent, mac)
    if (result.kind === 'done') void change(result.accelerator)
    else if (result.kind === 'invalid') setProblem(t('capture.settings.needsModifier'))
  }

  const current = status?.accelerator
    ? displayAccelerator(status.accelerator, mac)
    : t('capture.settings.off')
  return (
    <div
      className="capture-settings"
      role="dialog"
      aria-modal="true"
      aria-labelledby="capture-settings-title"
    >
      <h2 id="capture-settings-title">{t('capture.settings.title')}</h2>
      <section>
        <h3>{t('capture.settings.shortcut')}</h3>
        <p className="capture-settings-help">{t('capture.settings.shortcutHelp')}</p>
        <div className="capture-settings-row">
          <button
            ref={recorder}
            type="button"
            className={`shortcut-recorder${recording ? ' recording' : ''}`}
            aria-label={`${t('capture.settings.shortcut')}: ${current}. ${t('capture.settings.record')}`}
            onClick={() => (setProblem(null), setRecording(true))}
            onKeyDown={onRecordKey}
            onBlur={() => setRecording(false)}
          >
            {recording ? t('capture.settings.recording') : <kbd>{current}</kbd>}
          </button>
          {status && status.accelerator !== status.defaultAccelerator && (
            <button
              type="button"
              className="link-button"
              onClick={() => void change(status.defaultAccelerator)}
            >
              {t('capture.settings.reset', { shortcut: displayAccelerator(status.defaultAccelerator, mac) })}
            </button>
          )}
          {status?.accelerator && (
            <button type="button" className="link-button" onClick={() => void change(null)}>
              {t('capture.settings.turnOff')}
            </button>
          )}
        </div>
        {status && <ShortcutNotice status={status} mac={mac} />}
        {problem && (
          <p className="capture-notice" role="alert">
            {problem}
          </p>
        )}
      </section>
      <section>
        <label className="capture-settings-field">
          <span>{t('capture.settings.destination')}</span>
          <select
            value={settings?.notebookId ?? INBOX_ID}
            onChange={(e) => void update({ notebookId: e.target.value })}
          >
            {destinations
              .filter((d) => d.notebookId)
              .map((d) => (
                <option key={d.value} value={d.notebookId}>
                  {d.label}
                </option>
              ))}
          </select>
        </label>
        <label className="capture-settings-check">
          <input
            type="checkbox"
            checked={settings?.keepInTray ?? false}
            onChange={(e) => void update({ keepInTray: e.target.checked })}
          />
          <span>
            {t('capture.settings.keepInTray')}
            <small>{t('capture.settings.keepInTrayHelp')}</small>
          </span>
        </label>
      </section>
      <footer>
        <button type="button" className="capture-save" onClick={onClose}>
          {t('capture.settings.done')}
        </button>
      </footer>
    </div>
  )
}
