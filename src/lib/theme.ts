export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const
export type ThemePreference = (typeof THEME_PREFERENCES)[number]
export type Theme = 'light' | 'dark'
export const THEME_STORAGE_KEY = 'tickler.theme'

const DARK_QUERY = '(prefers-color-scheme: dark)'

export function parseThemePreference(value: string | null | undefined): ThemePreference {
  return THEME_PREFERENCES.find((pref) => pref === value) ?? 'system'
}

/** A manual choice wins; "system" follows the OS, live. */
export function resolveTheme(preference: ThemePreference, systemDark: boolean): Theme {
  return preference === 'system' ? (systemDark ? 'dark' : 'light') : preference
}

/** The order the toggle button steps through. */
export function nextPreference(current: ThemePreference): ThemePreference {
  return THEME_PREFERENCES[(THEME_PREFERENCES.indexOf(current) + 1) % THEME_PREFERENCES.length]!
}

/** "?theme=dark" wins, so screenshots and tests can pick a theme per page without touching storage. */
export function readThemePreference(): ThemePreference {
  const fromQuery = new URLSearchParams(globalThis.location?.search ?? '').get('theme')
  if (fromQuery) return parseThemePreference(fromQuery)
  try {
    return parseThemePreference(globalThis.localStorage?.getItem(THEME_STORAGE_KEY))
  } catch {
    // Storage can be disabled; the OS setting is then the fallback.
    return 'system'
  }
}

export function storeThemePreference(preference: ThemePreference): void {
  try {
    globalThis.localStorage?.setItem(THEME_STORAGE_KEY, preference)
  } catch {
    // Not remembered across restarts, but the choice still applies to this window.
  }
}

const systemDark = () => globalThis.matchMedia?.(DARK_QUERY).matches ?? false

/** Sets <html data-theme> (which tokens.css keys on); the returned function stops following the OS. */
export function applyTheme(preference: ThemePreference, root: HTMLElement = document.documentElement): () => void {
  const apply = () => {
    const theme = resolveTheme(preference, systemDark())
    root.dataset.theme = theme
    root.style.colorScheme = theme
  }
  apply()
  const query = globalThis.matchMedia?.(DARK_QUERY)
  if (preference !== 'system' || !query) return () => undefined
  query.addEventListener('change', apply)
  return () => query.removeEventListener('change', apply)
}
