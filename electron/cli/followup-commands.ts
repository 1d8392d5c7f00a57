import type { Note } from '../shared/model'
import type { FollowUpItem } from '../shared/contract-followups'
import { isValidTimeZone, systemTimeZone, toZonedIso } from '../shared/followups/zone'
import { createFollowUpActions, openSettings, type FollowUpActions } from '../core'
import { withLibrary, type Context } from './commands'
import { UsageError } from './io'
import { zonedNote } from './format'

/** The user's zone: --tz, then TZ-like settings in the library, then the system's. */
async function zoneFor(ctx: Context, settingsZone: string | null): Promise<string> {
  const tz = typeof ctx.values.tz === 'string' ? ctx.values.tz : undefined
  if (tz !== undefined && !isValidTimeZone(tz))
    throw new UsageError(`--tz "${tz}" is not a time zone (try Asia/Seoul)`)
  return tz ?? settingsZone ?? systemTimeZone()
}

async function withFollowUps<T>(
  ctx: Context,
  write: boolean,
  use: (fu: FollowUpActions, zone: string) => Promise<T>,
): Promise<T> {
  return withLibrary(ctx, write, async (library) => {
    const settings = await openSettings(library.dataDir, true)
    const zone = await zoneFor(ctx, settings.timeZone())
    return use(createFollowUpActions({ library, settings, now: ctx.now, timeZone: () => zone }), zone)
  })
}

function describeItem(i: FollowUpItem, zone: string): string {
  const extra = [
    i.waitingOn && `waiting on ${i.waitingOn}`,
    i.attempts ? `attempt ${i.attempt} of ${i.attempts}` : i.attempt > 1 ? `attempt ${i.attempt}` : '',
  ].filter(Boolean)
  const due = toZonedIso(new Date(i.dueAt), zone).slice(0, 16).replace('T', ' ')
  return `${i.id}  ${due}  ${i.title || '(untitled)'}${extra.length ? `  (${extra.join(', ')})` : ''}`
}

const noteId = (ctx: Context, usage: string): string => {
  const id = ctx.positionals[0]
  if (!id) throw new UsageError(usage)
  return id
}
const str = (ctx: Context, name: string) =>
  typeof ctx.values[name] === 'string' ? (ctx.values[name]) : undefined

function printNote(ctx: Context, note: Note, zone: string, verb: string): void {
  const n = zonedNote(note, zone)
  if (ctx.json) return ctx.io.out(JSON.stringify(n))
  const due = n.followUp ? ` — next follow-up ${n.followUp.dueAt}` : ''
  ctx.io.out(`${verb} ${n.id} ${n.title || '(untitled)'}${due}`)
}

/** tickler followup <id> --at "<phrase>" [--waiting-on NAME] [--standard NAME] */
export async function followup(ctx: Context): Promise<void> {
  const id = noteId(ctx, 'followup needs a note id: tickler followup <id> --at "<when>"')
  const at = str(ctx, 'at')
  const standard = str(ctx, 'standard')
  if (at === undefined && standard === undefined)
    throw new UsageError('followup needs --at "<when>" or --standard NAME')
  await withFollowUps(ctx, true, async (fu, zone) => {
    const note = await fu.set({
      id,
      phrase: at,
      waitingOn: str(ctx, 'waiting-on'),
      standard: standard && slug(standard),
    })
    printNote(ctx, note, zone, 'Follow-up set on')
  })
}

/** Standards are named by id ("sales-lead") or by name ("Sales lead"). */
const slug = (name: string) => name.trim().toLocaleLowerCase().replace(/\s+/g, '-')

/** tickler due [--json]: overdue and due today, as of --now. */
export async function due(ctx: Context): Promise<void> {
  await withFollowUps(ctx, false, async (fu, zone) => {
    const items = fu.due().map((i) => ({ ...i, dueAt: toZonedIso(new Date(i.dueAt), zone) }))
    if (ctx.json) ctx.io.out(JSON.stringify(items))
    else ctx.io.out(items.length ? items.map((i) => describeItem(i, zone)).join('\n') : 'Nothing due today.')
  })
}

export async function done(ctx: Context): Promise<void> {
  const id = noteId(ctx, 'done needs a note id: tickler done <id>')
  await withFollowUps(ctx, true, async (fu, zone) => printNote(ctx, await fu.done(id), zone, 'Done:'))
}

/** tickler snooze <id> --for <phrase> */
export async function snooze(ctx: Context): Promise<void> {
  const id = noteId(ctx, 'snooze needs a note id: tickler snooze <id> --for "<when>"')
  const phrase = str(ctx, 'for')
  if (!phrase) throw new UsageError('snooze needs --for "<when>", e.g. --for 2h or --for "tomorrow 9am"')
  await withFollowUps(ctx, true, async (fu, zone) =>
    printNote(ctx, await fu.snooze(id, phrase), zone, 'Snoozed'),
  )
}

/** tickler log <id>: records a follow-up attempt and schedules the next per the standard. */
export async function log(ctx: Context): Promise<void> {
  const id = noteId(ctx, 'log needs a note id: tickler log <id>')
  await withFollowUps(ctx, true, async (fu, zone) => {
    const { note, outcome } = await fu.log(id)
    const n = zonedNote(note, zone)
    if (ctx.json) return ctx.io.out(JSON.stringify({ note: n, outcome }))
    const of = outcome.attempts ? ` of ${outcome.attempts}` : ''
    ctx.io.out(
      outcome.kind === 'next'
        ? `Logged. Attempt ${outcome.attempt}${of} is due ${n.followUp!.dueAt}.`
        : `Logged attempt ${outcome.attempt}${of}. The cadence is finished: mark it done (tickler done ${id}) or set a new follow-up.`,
    )
  })
}
