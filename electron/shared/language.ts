import { z } from 'zod'

/** The languages Tickler is written in. */
export const LANGUAGES = ['en', 'ko'] as const
export type Language = (typeof LANGUAGES)[number]

/** What Settings offers: the system's language, or one of Tickler's. */
export const LanguageChoice = z.enum(['system', ...LANGUAGES])
export type LanguageChoice = z.infer<typeof LanguageChoice>

/** One of Tickler's languages for a BCP 47 tag ("ko-KR", "en_US"), or undefined when it is neither. */
export function asLanguage(value: string | null | undefined): Language | undefined {
  const base = value?.trim().toLowerCase().split(/[-_]/)[0]
  return LANGUAGES.find((lang) => lang === base)
}

/**
 * The language to show for a choice: the chosen one, or for "system" Korean on a Korean system and English
 * otherwise. The renderer and main (native menus, tray, notifications) both decide with this.
 */
export function resolveLanguage(choice: LanguageChoice, systemLocale: string | null | undefined): Language {
  return choice !== 'system' ? choice : asLanguage(systemLocale) === 'ko' ? 'ko' : 'en'
}
