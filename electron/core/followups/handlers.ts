import type { FollowUpService } from './service'
import { toZonedIso } from '../../shared/followups/zone'
import { TicklerError, type Handlers } from '../../shared/rpc'

type FollowUpHandlers = Pick<Handlers, Extract<keyof Handlers, `followups.${string}`>>

/** The contract's followups.* methods over the follow-up service; spread into createHandlers. */
export function createFollowUpHandlers(fu: FollowUpService): FollowUpHandlers {
  const { actions, settings, calendar } = fu
  return {
    'followups.parse': ({ phrase }) => {
      const r = actions.parse(phrase)
      const timeZone = actions.timeZone()
      return r.ok ? { ok: true, dueAt: toZonedIso(r.dueAt, timeZone), timeZone } : r
    },
    'followups.set': (input) => actions.set(input),
    'followups.snooze': ({ id, phrase, until }) => actions.snooze(id, phrase, until),
    'followups.done': ({ id }) => actions.done(id),
    'followups.reopen': ({ id }) => actions.reopen(id),
    'followups.clear': ({ id }) => actions.clear(id),
    'followups.log': ({ id }) => actions.log(id),
    'followups.view': () => actions.view(),
    'followups.standards': () => settings.standards(),
    'followups.saveStandard': async (standard) => {
      const saved = await settings.saveStandard(standard)
      // Event descriptions name the standard and its attempt count.
      calendar.schedule()
      return saved
    },
    'followups.deleteStandard': async ({ id }) => {
      const users = actions.openFollowUpsOn(id)
      if (users > 0)
        throw new TicklerError(
          'BAD_INPUT',
          `${users} open follow-up${users === 1 ? ' runs' : 's run'} on this standard; change or finish ${users === 1 ? 'it' : 'them'} first.`,
        )
      const left = await settings.deleteStandard(id)
      calendar.schedule()
      return left
    },
    'followups.defaults': () => settings.defaults(),
    'followups.defaultFor': async ({ id }) => ({ standard: actions.defaultFor(id) }),
    'followups.setDefault': async ({ scope, key, standard }) => {
      await settings.setDefaultStandard(scope, key, standard)
      return { ok: true as const }
    },
    'followups.calendar': () => calendar.status(),
    'followups.setCalendarFolder': ({ folder }) => calendar.setFolder(folder),
    'followups.pickCalendarFolder': () => calendar.pickFolder(),
  }
}
