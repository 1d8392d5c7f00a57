import type { Language, LanguageChoice } from '../../electron/shared/language'

export type { Language, LanguageChoice }
export const LANGUAGES: readonly Language[] = ['en', 'ko']
export const LANGUAGE_STORAGE_KEY = 'tickler.lang'

/** Each language by its own name, as a language picker shows it whatever the UI's language is. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어' }

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

/**
 * The system's language as Tickler shows it: Korean for a Korean system, English otherwise. Main decides
 * the same for the native menus (shared/language.ts), which the renderer may not import as code.
 */
export function systemLanguage(preferred: readonly string[] = []): Language {
  // Only the first preference decides: an English system that lists Korean second stays English.
  return asLanguage(preferred[0]) === 'ko' ? 'ko' : 'en'
}

/** Korean for a Korean system, English otherwise, unless the query string or a saved choice says else. */
export function chooseLanguage({ search, stored, preferred = [] }: LanguageSources): Language {
  const fromQuery = asLanguage(new URLSearchParams(search ?? '').get('lang'))
  if (fromQuery) return fromQuery
  const fromStorage = asLanguage(stored)
  if (fromStorage) return fromStorage
  return systemLanguage(preferred)
}

export function readStoredLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null
  } catch {
    // Storage can be disabled (privacy settings); the system language is then the fallback.
    return null
  }
}

/**
 * Keeps the choice core remembers in this window's storage too, so the next start paints its first frame
 * in the right language before core has answered. "system" is no entry.
 */
export function storeLanguage(choice: LanguageChoice): void {
  try {
    if (choice === 'system') globalThis.localStorage?.removeItem(LANGUAGE_STORAGE_KEY)
    else globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, choice)
  } catch {
    // Without storage the choice still applies now and comes back from core on the next start.
  }
}

/** What is stored here as a choice: a language, or "system" when nothing (or nothing usable) is. */
export function storedChoice(): LanguageChoice {
  return asLanguage(readStoredLanguage()) ?? 'system'
}
