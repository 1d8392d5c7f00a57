export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_STORAGE_KEY = 'tickler.lang'

export interface LanguageSources {
  /** location.search, e.g. "?lang=ko"; wins so screenshots and tests can pick a language per page. */
  search?: string
  /** The value saved under LANGUAGE_STORAGE_KEY. */
  stored?: string | null
  /** navigator.languages (or [navigator.language]) in preference order. */
  preferred?: readonly string[]
}

function asLanguage(value: string | null | undefined): Language | undefined {
  const base = value?.trim().toLowerCase().split(/[-_]/)[0]
  return LANGUAGES.find((lang) => lang === base)
}

/** Korean for a Korean system, English otherwise, unless the query string or a saved choice says else. */
export function chooseLanguage({ search, stored, preferred = [] }: LanguageSources): Language {
  const fromQuery = asLanguage(new URLSearchParams(search ?? '').get('lang'))
  if (fromQuery) return fromQuery
  const fromStorage = asLanguage(stored)
  if (fromStorage) return fromStorage
  // Only the first preference decides: an English system that lists Korean second stays English.
  return asLanguage(preferred[0]) === 'ko' ? 'ko' : 'en'
}

export function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null
  } catch {
    // Storage can be disabled (privacy settings); the system language is then the fallback.
    return null
  }
}
