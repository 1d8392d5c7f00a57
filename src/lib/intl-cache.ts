/*
 * Intl formatters are slow to make (each loads locale data) and cheap to reuse: the note list formats a
 * time on every row it draws, so each locale-and-options pair is made once.
 */
const dates = new Map<string, Intl.DateTimeFormat>()
const relatives = new Map<string, Intl.RelativeTimeFormat>()

function cached<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`
  let formatter = cache.get(key)
  if (!formatter) cache.set(key, (formatter = make()))
  return formatter
}

export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(dates, locale, options, () => new Intl.DateTimeFormat(locale, options))

export const relativeFormat = (
  locale: string,
  options: Intl.RelativeTimeFormatOptions,
): Intl.RelativeTimeFormat =>
  cached(relatives, locale, options, () => new Intl.RelativeTimeFormat(locale, options))
