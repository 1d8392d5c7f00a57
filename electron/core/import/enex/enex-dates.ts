/**
 * ENEX dates are ISO 8601 "basic" UTC: 20130730T205204Z. Anything else (Evernote has written
 * "10101T000000Z") gives null, and the caller falls back and counts a warning.
 */
export function parseEnexDate(raw: string | null): string | null {
  if (!raw) return null
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(raw.trim())
  if (!m) return null
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number]
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s))
  // Date.UTC rolls 2023-02-31 over into March; a date that does not round-trip was not a real one.
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null
  if (y < 1970 || y > 9999) return null
  return date.toISOString()
}
