import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicklerApi } from '../../../electron/shared/contract'
import type { CapturePreview } from '../../../electron/shared/contract-capture'
import { formatDue } from '../followups/format'
import { captureKeyAction, keyHint } from './capture-keys'
import { loadDraft, storeDraft, withClipboardBody } from './draft'
import { useDestinations } from './use-destinations'
import { messageOf } from '../../ui/message-of'
import './CapturePanel.css'

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; text: string } | { kind: 'error'; text: string }

const PREVIEW_DELAY_MS = 60
/** Long enough to read "Saved to Inbox", short enough that the user is back in their work at once. */
const HIDE_AFTER_SAVE_MS = 1100

export function CapturePanel({ api, mac, desktop }: { api: TicklerApi; mac: boolean; desktop: boolean }) {
  const { t, i18n } = useTranslation()
  const [initial] = useState(loadDraft)
  const [text, setText] = useState(initial.text)
  const [ignoreFollowUp, setIgnoreFollowUp] = useState(initial.ignoreFollowUp)
  const [preview, setPreview] = useState<CapturePreview | null>(null)
  const [removedPhrase, setRemovedPhrase] = useState<string | null>(null)
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [choice, setChoice] = useState<string | null>(null)
  const field = useRef<HTMLTextAreaElement>(null)
  const composing = useRef(false)
  const hideTimer = useRef<number | undefined>(undefined)
  const boardLabel = useCallback((name: string) => t('capture.board', { name }), [t])
  const { destinations, defaultValue, refresh } = useDestinations(api, {
    notebooks: t('capture.notebooks'),
    inbox: t('sidebar.inbox'),
    board: boardLabel,
  })
  const destination = choice ?? defaultValue

  const focus = useCallback(() => field.current?.focus(), [])
  useEffect(() => {
    focus()
    return api.on('capture.shown', () => {
      focus()
      void refresh().catch(() => undefined)
    })
  }, [api, focus, refresh])

  useEffect(() => storeDraft({ text, ignoreFollowUp }), [text, ignoreFollowUp])

  // The parse comes from core through window.tickler, so the renderer never runs the phrase parser itself.
  useEffect(() => {
    let current = true
    const timer = window.setTimeout(() => {
      api.capture
        .preview({ text, ignoreFollowUp })
        .then((p) => current && setPreview(p))
        .catch(() => current && setPreview(null))
    }, PREVIEW_DELAY_MS)
    return () => {
      current = false
      window.clearTimeout(timer)
    }
  }, [api, text, ignoreFollowUp])

  const hide = useCallback(() => {
    window.clearTimeout(hideTimer.current)
    void api.capture.hide({}).catch(() => undefined)
  }, [api])

  const toggleFollowUp = useCallback(() => {
    if (ignoreFollowUp) {
      setIgnoreFollowUp(false)
      setRemovedPhrase(null)
    } else if (preview?.followUp) {
      setRemovedPhrase(preview.followUp.phrase)
      setIgnoreFollowUp(true)
    }
  }, [ignoreFollowUp, preview])

  const takeClipboard = useCallback(async () => {
    try {
      let clip = await api.capture.readClipboard({})
      // The browser preview has no main process to ask; the page reads the clipboard itself.
      if (!clip.available) clip = { ...clip, text: await navigator.clipboard.readText() }
      const next = withClipboardBody(field.current?.value ?? text, clip)
      if (next === (field.current?.value ?? text))
        setStatus({ kind: 'error', text: t('capture.clipboardEmpty') })
      else setText(next)
    } catch (error) {
      setStatus({ kind: 'error', text: t('capture.clipboardDenied', { message: messageOf(error) }) })
    }
    focus()
  }, [api, focus, t, text])

  const save = useCallback(async () => {
    // The DOM value, not React state: it is what the user sees, including a syllable just committed.
    const value = field.current?.value ?? text
    if (!value.trim() || status.kind === 'saving') return
    setStatus({ kind: 'saving' })
    const target = destinations.find((d) => d.value === destination)
    try {
      const note = await api.capture.save({ text: value, ignoreFollowUp, notebookId: target?.notebookId })
      if (target?.column) await api.cards.place({ id: note.id, ...target.column })
      setText('')
      // The reading of the saved text must not linger under an empty field until the next parse.
      setPreview(null)
      setIgnoreFollowUp(false)
      setRemovedPhrase(null)
      storeDraft({ text: '', ignoreFollowUp: false })
      const place = target ? (target.column ? `${target.group} › ${target.label}` : target.label) : ''
      const saved = note.followUp
        ? t('capture.savedWithFollowUp', { place, date: formatDue(note.followUp.dueAt, i18n.language) })
        : t('capture.saved', { place })
      setStatus({ kind: 'saved', text: saved })
      if (desktop) hideTimer.current = window.setTimeout(hide, HIDE_AFTER_SAVE_MS)
    } catch (error) {
      setStatus({ kind: 'error', text: t('capture.saveFailed', { message: messageOf(error) }) })
    }
    focus()
  }, [
    api,
    desktop,
    destination,
    destinations,
    focus,
    hide,
    i18n.language,
    ignoreFollowUp,
    status.kind,
    t,
    text,
  ])

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (composing.current) return
    const action = captureKeyAction(event.nativeEvent, mac)
    if (!action) return
    event.preventDefault()
    if (action === 'save') void save()
    else if (action === 'hide') hide()
    else if (action === 'toggleFollowUp') toggleFollowUp()
    else void takeClipboard()
  }

  const onChange = (value: string) => {
    setText(value)
    // Typing again after a save means the user is still here: do not hide the panel under them.
    window.clearTimeout(hideTimer.current)
    if (status.kind !== 'saving') setStatus({ kind: 'idle' })
  }

  const followUp = preview?.followUp
  const removeHint = keyHint(['mod', 'shift', 'Backspace'], mac)
  const clipHint = keyHint(['mod', 'shift', 'v'], mac)
  const groups = [...new Set(destinations.map((d) => d.group))]

  return (
    <section className="capture-panel" aria-label={t('capture.label')}>
      <textarea
        ref={field}
        className="capture-field"
        aria-label={t('capture.field')}
        aria-describedby="capture-hint"
        placeholder={t('capture.placeholder')}
        value={text}
        rows={3}
        spellCheck
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={() => (composing.current = false)}
      />
      <div className="capture-reading" aria-live="polite">
        {followUp ? (
          <span
            className="capture-chip capture-followup"
            title={t('capture.followUpPhrase', { phrase: followUp.phrase })}
          >
            <ClockIcon />
            {t('capture.followUp', { date: formatDue(followUp.dueAt, i18n.language) })}
            <button
              type="button"
              className="chip-remove"
              aria-label={`${t('capture.removeFollowUp')} (${removeHint})`}
              title={`${t('capture.removeFollowUp')} (${removeHint})`}
              onClick={toggleFollowUp}
            >
              ×
            </button>
          </span>
        ) : ignoreFollowUp && removedPhrase ? (
          <span className="capture-chip capture-removed">
            {t('capture.followUpRemoved', { phrase: removedPhrase })}
            <button
              type="button"
              className="link-button"
              title={`${t('capture.restoreFollowUp')} (${removeHint})`}
              onClick={toggleFollowUp}
            >
              {t('capture.restoreFollowUp')}
            </button>
          </span>
        ) : !text ? (
          <span className="capture-hint-text">{t('capture.hint')}</span>
        ) : null}
        {preview?.tags.length ? (
          <span className="capture-tags" aria-label={t('capture.tags')}>
            {preview.tags.map((tag) => (
              <span key={tag} className="capture-tag">
                #{tag}
              </span>
            ))}
          </span>
        ) : null}
      </div>
      <footer className="capture-footer">
        <select
          className="control is-small capture-destination"
          aria-label={t('capture.destination')}
          value={destination}
          onChange={(e) => setChoice(e.target.value)}
        >
          {groups.map((group) => (
            <optgroup key={group} label={group}>
              {destinations
                .filter((d) => d.group === group)
                .map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <button
          type="button"
          className="control is-small capture-clip"
          aria-label={`${t('capture.clipboard')} (${clipHint})`}
          title={`${t('capture.clipboard')} (${clipHint})`}
          onClick={() => void takeClipboard()}
        >
          <ClipboardIcon /> {t('capture.clipboardShort')}
        </button>
        <p id="capture-hint" className={`capture-status capture-status-${status.kind}`} role="status">
          {status.kind === 'saved' || status.kind === 'error' ? (
            status.text
          ) : status.kind === 'saving' ? (
            t('capture.saving')
          ) : (
            <>
              <kbd>{keyHint(['Enter'], mac)}</kbd> {t('capture.keys.save')} ·{' '}
              <kbd>{keyHint(['shift', 'Enter'], mac)}</kbd> {t('capture.keys.newline')} ·{' '}
              <kbd>{keyHint(['Escape'], mac)}</kbd> {t('capture.keys.close')}
            </>
          )}
        </p>
        <button
          type="button"
          className="capture-save"
          disabled={!text.trim() || status.kind === 'saving'}
          onClick={() => void save()}
        >
          {t('capture.save')}
        </button>
      </footer>
    </section>
  )
}

const ClockIcon = () => (
  <svg className="capture-icon" viewBox="0 0 16 16" aria-hidden="true">
    <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" strokeWidth="1.5" />
    <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
)

const ClipboardIcon = () => (
  <svg className="capture-icon" viewBox="0 0 16 16" aria-hidden="true">
    <rect
      x="3"
      y="2.75"
      width="10"
      height="11.5"
      rx="1.75"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
    />
    <rect x="5.75" y="1.5" width="4.5" height="2.5" rx="0.75" fill="currentColor" />
  </svg>
)
