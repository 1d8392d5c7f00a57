import type { FollowUpService } from './service'
import type { Handlers } from '../../shared/rpc'
import { toZonedIso } from '../../shared/followups/zone'

type FollowUpHandlers = Pick<Handlers, Extract<keyof Handlers, `followups.${string}`>>

/** The contract's followups.* methods over the follow-up service; spread into createHandlers. */
export function createFollowUpHandlers(fu: FollowUpService): FollowUpHandlers {
  const { actions, settings } = fu
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
    'followups.saveStandard': (standard) => settings.saveStandard(standard),
    'followups.defaultFor': ({ id }) => ({ standard: actions.defaultFor(id) }),
    'followups.setDefault': async ({ scope, key, standard }) => {
      await settings.setDefaultStandard(scope, key, standard)
      return { ok: true as const }
    },
  }
}
