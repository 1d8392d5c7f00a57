/**
 * ENEX dates are ISO 8601 "basic" UTC: 20130730T205204Z. Anything else (Evernote has written
 * "10101T000000Z") gives NaN, like Date.parse; the year range is the model's, checked by importedDate.
 */
export function parseEnexDate(raw: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(raw.trim())
  if (!m) return NaN
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  // Date.UTC rolls 2023-02-31 over into March; a date that does not round-trip was not a real one.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return NaN
  return date.getTime()
}
