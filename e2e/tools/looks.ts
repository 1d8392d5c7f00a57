/**
 * Every look a screenshot tool shows a screen in: English and Korean, light and dark, each as the
 * preview's address with `?lang=` and `?theme=` set, so the tools differ only in what they show.
 */
export function* looks(base: string): Generator<{ lang: 'en' | 'ko'; theme: 'light' | 'dark'; url: string }> {
  for (const lang of ['en', 'ko'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      const target = new URL(base)
      target.searchParams.set('lang', lang)
      target.searchParams.set('theme', theme)
      yield { lang, theme, url: target.href }
    }
  }
}
