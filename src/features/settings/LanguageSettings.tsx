import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/api-context'
import { applyLanguageChoice, systemUiLanguage } from '../../lib/i18n'
import { LANGUAGE_NAMES, storedChoice, type LanguageChoice } from '../../lib/language'
import { messageOf } from '../../ui/message-of'

const CHOICES: LanguageChoice[] = ['system', 'en', 'ko']

/** Settings' Language: System, English or 한국어, applied at once and remembered by core for the native menus. */
export function LanguageSettings() {
  const { t } = useTranslation()
  const api = useApi()
  const headingId = useId()
  const hintId = useId()
  const [choice, setChoice] = useState<LanguageChoice>(storedChoice)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    api.language.get({}).then(
      ({ language }) => setChoice(language),
      () => undefined,
    )
  }, [api])

  const choose = async (next: LanguageChoice) => {
    const before = choice
    setChoice(next)
    setError(null)
    try {
      await api.language.set({ language: next })
      await applyLanguageChoice(next)
    } catch (e) {
      setChoice(before)
      setError(t('language.failed', { message: messageOf(e) }))
    }
  }

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('language.title')}</h3>
      <div className="settings-row">
        {/* Named by the section's heading: one visible "Language", not a heading and a label saying it twice. */}
        <select
          className="settings-language"
          aria-labelledby={headingId}
          aria-describedby={hintId}
          value={choice}
          onChange={(e) => void choose(e.target.value as LanguageChoice)}
        >
          {CHOICES.map((c) => (
            // Each language in its own name, so someone who cannot read the current one still finds theirs.
            <option key={c} value={c} lang={c === 'system' ? undefined : c}>
              {c === 'system' ? t('language.system') : LANGUAGE_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      <p className="settings-hint" id={hintId}>
        {t('language.hint', { name: LANGUAGE_NAMES[systemUiLanguage()] })}
      </p>
      {error && (
        <p className="settings-status is-error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
