import { pendingFollowUp } from '../../../electron/shared/domain/notes'
import { dateFormat } from '../../lib/intl-cache'

/**
 * Follow-up times as people read them: "Fri, Mar 7, 3:00 PM" or "3월 7일 (금) 오후 3:00", in the local
 * zone. A time in another year than `now`'s says its year ("Sun, Apr 6, 2025"), or an imported 2025 due
 * date would read as this year's.
 */
export function formatDue(iso: string, locale: string, now = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateFormat(locale, {
    weekday: 'short',
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(d)
}

/** The value a datetime-local input wants for an instant: local wall time without a zone. */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

export interface Followable {
  followUp: { dueAt: string } | null
  doneAt: string | null
  archivedAt: string | null
  trashedAt: string | null
}

/** When the note's follow-up is due, or null when it has none pending (the domain's rule). */
export const pendingDue = (n: Followable): string | null => pendingFollowUp(n)?.dueAt ?? null
