import { addUnits, firstDue, type Standard } from '../../shared/followups/standards'
import type { MailAddress } from '../../shared/mail-ref'
import type { MailHeaders } from './headers'

/**
 * Which sent messages become follow-ups, and when they are due. Pure: the tracker feeds it headers
 * and applies the answer.
 *
 * - A Bcc (or To/Cc) to the user's own address with a plus tag: me+tickler@… (the "48-hour reply"
 *   standard), me+tickler-3d@… (3 days; h, d and w work), me+tickler-sales-lead@… (that standard).
 * - With "track external" on for the account: any message to someone outside the user's own domain,
 *   on the "48-hour reply" standard.
 */
export const DEFAULT_STANDARD_ID = '48-hour-reply'
const DEFAULT_HOURS = 48

export interface Identity {
  addresses: Set<string>
  domains: Set<string>
}

const split = (address: string): [string, string] | null => {
  const at = address.lastIndexOf('@')
  return at > 0 ? [address.slice(0, at).toLowerCase(), address.slice(at + 1).toLowerCase()] : null
}

export function identityOf(emails: string[]): Identity {
  const addresses = new Set<string>()
  const domains = new Set<string>()
  for (const e of emails) {
    const parts = split(e.trim())
    if (!parts) continue
    addresses.add(`${parts[0]}@${parts[1]}`)
    domains.add(parts[1])
  }
  return { addresses, domains }
}

/** The user's own address, with or without any +tag. */
export function isOwn(address: string, me: Identity): boolean {
  const parts = split(address)
  if (!parts) return false
  const local = parts[0].split('+')[0]!
  return me.addresses.has(`${local}@${parts[1]}`)
}

/** '' for me+tickler@…, 'spec' for me+tickler-spec@…, null for anything else. */
export function tagOf(address: string, me: Identity): string | null {
  const parts = split(address)
  if (!parts) return null
  const match = /^(.+)\+tickler(?:-([a-z0-9-]{1,64}))?$/.exec(parts[0])
  if (!match || !me.addresses.has(`${match[1]}@${parts[1]}`)) return null
  return match[2] ?? ''
}

export type TrackReason = { via: 'tag'; spec: string } | { via: 'external' }

/**
 * Sent folder: a tag among the recipients, else (when on) an outside recipient. Inbox: only a Bcc copy
 * the user sent to their own tag address (mail programs that keep no sent copy on the server).
 */
export function trackingReason(
  h: MailHeaders,
  folder: 'sent' | 'inbox',
  me: Identity,
  trackExternal: boolean,
): TrackReason | null {
  // Everything in Sent is the user's (aliases included); in the Inbox only what the user sent themself.
  const fromMe = folder === 'sent' || (h.from !== null && isOwn(h.from.address, me))
  if (!fromMe) return null
  const candidates = [...h.to, ...h.cc, ...h.bcc].map((a) => a.address).concat(h.deliveredTo)
  for (const address of candidates) {
    const spec = tagOf(address, me)
    if (spec !== null) return { via: 'tag', spec }
  }
  if (folder !== 'sent' || !trackExternal) return null
  const outside = recipientsOf(h, me).some((a) => {
    const parts = split(a.address)
    return parts !== null && !me.domains.has(parts[1])
  })
  return outside ? { via: 'external' } : null
}

/** Whom the user waits on: To and Cc, without the user's own addresses, each once. */
export function recipientsOf(h: MailHeaders, me: Identity): MailAddress[] {
  const seen = new Set<string>()
  const out: MailAddress[] = []
  for (const a of [...h.to, ...h.cc]) {
    const key = a.address.toLowerCase()
    if (isOwn(key, me) || seen.has(key)) continue
    seen.add(key)
    out.push(a)
  }
  return out
}

/** "Kim Minsu, lee@example.com": names where the message gave them, at most 200 characters. */
export function waitingOnLabel(people: MailAddress[]): string | null {
  const label = people.map((p) => p.name.trim() || p.address).join(', ')
  if (!label) return null
  return label.length > 200 ? `${label.slice(0, 199)}…` : label
}

export interface Due {
  dueAt: Date
  standard: string | null
  /** Said on the note when the tag was not understood. */
  remark: string | null
}

const UNITS = { h: 'hours', d: 'days', w: 'weeks' } as const

/** When the follow-up on a message sent at `sentAt` is due, by the tag's standard or duration. */
export function dueFor(
  reason: TrackReason,
  sentAt: Date,
  standards: Standard[],
  timeZone: string,
): Due {
  const byId = (id: string) => standards.find((s) => s.id === id)
  const fallback = (): Due => {
    const std = byId(DEFAULT_STANDARD_ID)
    return std
      ? { dueAt: firstDue(std, sentAt, timeZone), standard: std.id, remark: null }
      : { dueAt: addUnits(sentAt, DEFAULT_HOURS, 'hours', timeZone), standard: null, remark: null }
  }
  if (reason.via === 'external' || reason.spec === '') return fallback()
  const duration = /^(\d{1,3})([hdw])$/.exec(reason.spec)
  if (duration && Number(duration[1]) > 0) {
    const unit = UNITS[duration[2] as keyof typeof UNITS]
    return { dueAt: addUnits(sentAt, Number(duration[1]), unit, timeZone), standard: null, remark: null }
  }
  const named = byId(reason.spec)
  if (named) return { dueAt: firstDue(named, sentAt, timeZone), standard: named.id, remark: null }
  return {
    ...fallback(),
    remark: `The tag "+tickler-${reason.spec}" is not a duration (such as 3d) or a standard, so the 48-hour reply standard was used.`,
  }
}
