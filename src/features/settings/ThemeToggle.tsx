import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyTheme, nextPreference, readThemePreference, storeThemePreference } from '../../lib/theme'
import './ThemeToggle.css'

const GLYPH = { system: '◐', light: '☀', dark: '☾' } as const

/** Steps through match-system → light → dark; the name always says the current choice. */
export function ThemeToggle() {
  const { t } = useTranslation()
  const [preference, setPreference] = useState(readThemePreference)
  useEffect(() => applyTheme(preference), [preference])
  const current = t(`theme.${preference}`)
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-label={current}
      title={t('theme.next', { current })}
      onClick={() => {
        const next = nextPreference(preference)
        storeThemePreference(next)
        setPreference(next)
      }}
    >
      <span aria-hidden="true" className="theme-glyph">
        {GLYPH[preference]}
      </span>
      <span className="theme-text">{current}</span>
    </button>
  )
}
