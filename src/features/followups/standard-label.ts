import type { TFunction } from 'i18next'

/**
 * A standard's name in the reader's language: the shipped standards are stored with English names, so
 * while a name is still the shipped one it is shown translated; a name the user chose is shown as typed.
 */
export function standardLabel(s: { id: string; name: string }, t: TFunction): string {
  const key = `followups.std_${s.id}`
  const english = t(key, { lng: 'en', defaultValue: '' })
  return english && english === s.name ? t(key) : s.name
}
