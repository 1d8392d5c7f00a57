import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './locales/en'
import { ko } from './locales/ko'
import { chooseLanguage, readStoredLanguage, type Language } from './language'

export const resources = { en: { translation: en }, ko: { translation: ko } } as const

function currentLanguage(): Language {
  const nav = globalThis.navigator
  return chooseLanguage({
    search: globalThis.location?.search,
    stored: readStoredLanguage(),
    preferred: nav?.languages?.length ? nav.languages : nav?.language ? [nav.language] : [],
  })
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
