import { app } from 'electron'
import { resolveLanguage, type Language, type LanguageChoice } from '../shared/language'

/**
 * The language the native parts of the app speak (menus, tray, notifications): the one chosen in Settings,
 * or the OS's. Kept here once so every one of them asks the same question.
 */
let choice: LanguageChoice = 'system'

export const uiLanguage = (): Language => resolveLanguage(choice, app.getLocale())

export function setLanguageChoice(next: LanguageChoice): void {
  choice = next
}
