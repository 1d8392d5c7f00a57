import type { Note } from '../../shared/model'
import { parseFollowUpPhrase, type PhraseResult } from '../../shared/followups/phrase'
import { systemTimeZone } from '../../shared/followups/zone'
import { TicklerError } from '../../shared/rpc'
import type { Settings } from '../settings'
import type { Library } from '../types'
import * as engine from './engine'
import { buildView, dueByEndOfToday } from './view'

export interface FollowUpDeps {
  library: Library
  settings: Settings
  now: () => Date
  /** The user's zone; defaults to the setting, then the system's. */
  timeZone?: () => string
}

export interface SetRequest {
  id: string
  phrase?: string
  dueAt?: string
  waitingOn?: string | null
  owner?: string | null
  standard?: string | null
}

/**
 * Follow-up commands over a library: each reads the phrase with the shared parser, computes the note's
 * next state with the pure engine and saves it with library.mutateNote. The app's handlers and the CLI
 * both use these, so the two cannot disagree about what "log" or "snooze" does.
 */
export function createFollowUpActions(deps: FollowUpDeps) {
  const zone = () => deps.timeZone?.() ?? deps.settings.timeZone() ?? systemTimeZone()
  const ctx = (): engine.EngineContext => ({
    now: deps.now(),
    timeZone: zone(),
    standards: deps.settings.standards(),
  })

  const parse = (phrase: string): PhraseResult =>
    parseFollowUpPhrase(phrase, { now: deps.now(), timeZone: zone() })

  /** A time from a phrase or an ISO string; an unreadable phrase throws and nothing is saved. */
  function when(phrase: string | undefined, iso: string | undefined): Date | null {
    if (phrase !== undefined) {
      const r = parse(phrase)
      if (!r.ok) throw new TicklerError('BAD_INPUT', r.message)
      return r.dueAt
    }
    return iso !== undefined ? new Date(iso) : null
  }

  return {
    timeZone: zone,
    parse,
    async set(req: SetRequest): Promise<Note> {
      const dueAt = when(req.phrase, req.dueAt)
      return deps.library.mutateNote(req.id, (note) => {
        const standard =
          req.standard !== undefined
            ? req.standard
            : note.followUp
              ? undefined
              : deps.settings.defaultStandardFor(note)
        return engine.setFollowUp(
          note,
          { dueAt, waitingOn: req.waitingOn, owner: req.owner, standard },
          ctx(),
        )
      })
    },
    async snooze(id: string, phrase?: string, until?: string): Promise<Note> {
      const at = when(phrase, until)
      if (!at)
        throw new TicklerError('BAD_INPUT', 'Say until when to snooze, e.g. "1h" or "tomorrow morning".')
      return deps.library.mutateNote(id, (note) => engine.snooze(note, at, ctx()))
    },
    done: (id: string) => deps.library.mutateNote(id, (note) => engine.markDone(note, ctx())),
    reopen: (id: string) => deps.library.mutateNote(id, (note) => engine.reopen(note, ctx())),
    clear: (id: string) => deps.library.mutateNote(id, (note) => engine.clearFollowUp(note, ctx())),
    async log(id: string): Promise<{ note: Note; outcome: engine.LogOutcome }> {
      let outcome: engine.LogOutcome | undefined
      const note = await deps.library.mutateNote(id, (current) => {
        const result = engine.logAttempt(current, ctx())
        outcome = result.outcome
        return result.note
      })
      return { note, outcome: outcome! }
    },
    /** How many pending follow-ups run on a standard, so deleting it never strands one. */
    openFollowUpsOn(standard: string): number {
      return deps.library.listNotes().filter((n) => engine.pendingFollowUp(n)?.standard === standard).length
    },
    defaultFor(id: string): string | null {
      const note = deps.library.listNotes().find((n) => n.id === id)
      if (!note) throw new TicklerError('NOT_FOUND', `No note with id "${id}".`)
      return deps.settings.defaultStandardFor(note)
    },
    view: () => buildView(deps.library.listNotes(), deps.now(), zone(), deps.settings.standards()),
    due: () => dueByEndOfToday(deps.library.listNotes(), deps.now(), zone(), deps.settings.standards()),
  }
}
export type FollowUpActions = ReturnType<typeof createFollowUpActions>
