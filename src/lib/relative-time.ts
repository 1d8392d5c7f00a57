import { dateFormat, relativeFormat } from './intl-cache'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}

/**
 * "now", "5 minutes ago", "yesterday", then a plain date once a week has passed, because a relative
 * phrase like "23 days ago" is harder to place than "Mar 3".
 */
export function formatRelativeTime(iso: string, now: Date, locale: string): string {
  const then = new Date(iso)
  if (Number.isNaN(then.getTime())) return ''
  const diff = then.getTime() - now.getTime()
  const rtf = relativeFormat(locale, { numeric: 'auto', style: 'long' })
  const ago = -diff
  if (ago < MINUTE) return rtf.format(0, 'second')
  if (ago < HOUR) return rtf.format(-Math.floor(ago / MINUTE), 'minute')
  const days = Math.round((startOfDay(now) - startOfDay(then)) / DAY)
  if (days === 0) return rtf.format(-Math.floor(ago / HOUR), 'hour')
  if (days > 0 && days < 7) return rtf.format(-days, 'day')
  const sameYear = then.getFullYear() === now.getFullYear()
  return dateFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(then)
}

/** The exact moment, for a tooltip beside the relative phrase. */
export function formatFullTime(iso: string, locale: string): string {
  const then = new Date(iso)
  if (Number.isNaN(then.getTime())) return ''
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(then)
}
