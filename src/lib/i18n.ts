import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './locales/en'
import { ko } from './locales/ko'
import {
  chooseLanguage,
  readStoredLanguage,
  storeLanguage,
  systemLanguage,
  type Language,
  type LanguageChoice,
} from './language'

export const resources = { en: { translation: en }, ko: { translation: ko } } as const

function preferredLanguages(): readonly string[] {
  const nav = globalThis.navigator
  return nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : []
}

function currentLanguage(): Language {
  return chooseLanguage({ search: globalThis.location?.search, stored: readStoredLanguage(), preferred: preferredLanguages() })
}

/** The language "System" means on this computer. */
export const systemUiLanguage = (): Language => systemLanguage(preferredLanguages())

/** Shows a language choice at once (every string, dates, <html lang>) and keeps it for this window's next start. */
export function applyLanguageChoice(choice: LanguageChoice): Promise<unknown> {
  storeLanguage(choice)
  return i18next.changeLanguage(choice === 'system' ? systemUiLanguage() : choice)
}

/** Synchronous set-up so the first render already has its strings; keeps <html lang> in step for fonts and screen readers. */
export function initI18n(lng: Language = currentLanguage()) {
  i18next.on('languageChanged', (language) => {
    if (typeof document !== 'undefined') document.documentElement.lang = language
  })
  void i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  })
  if (typeof document !== 'undefined') document.documentElement.lang = lng
  return i18next
}
