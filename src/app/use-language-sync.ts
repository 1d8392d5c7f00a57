import { useEffect } from 'react'
import type { TicklerApi } from '../../electron/shared/contract'
import { applyLanguageChoice } from '../lib/i18n'
import { storeLanguage, storedChoice } from '../lib/language'

/**
 * Follows the language core remembers: on start (this window's stored copy may be older, or missing in a
 * new window), and when it changes in another window. A `?lang=` page (tests, screenshots) keeps its own.
 */
export function useLanguageSync(api: TicklerApi): void {
  useEffect(() => {
    let live = true
    const pinned = new URLSearchParams(globalThis.location?.search ?? '').has('lang')
    api.language.get({}).then(
      ({ language }) => {
        if (!live || language === storedChoice()) return
        if (pinned) storeLanguage(language)
        else void applyLanguageChoice(language)
      },
      // Core unreachable: the stored copy (or the system language) stays in use.
      () => undefined,
    )
    const off = api.on('language.changed', ({ language }) => void applyLanguageChoice(language))
    return () => {
      live = false
      off()
    }
  }, [api])
}
