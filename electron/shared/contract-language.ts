import { z } from 'zod'
import { method } from './contract-method'
import { LanguageChoice } from './language'

const LanguageSetting = z.object({ language: LanguageChoice })

/** The app's language, chosen in Settings; spread into the contract. */
export const languageContract = {
  /** The language chosen in Settings ("system" follows the OS). */
  'language.get': method(z.object({}), LanguageSetting),
  /** Remembers the choice; the host switches its native menus, tray and notifications to it at once. */
  'language.set': method(LanguageSetting, LanguageSetting),
} as const

export const languageEvents = {
  /** The language was changed (in this window or another); every window follows. */
  'language.changed': LanguageSetting,
} as const
