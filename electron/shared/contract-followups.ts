import { z } from 'zod'
import { method } from './contract-method'
import { NoteId, NotebookId, Note, isoTimeSchema } from './model'
import { Standard, StandardId } from './followups/standards'

/** Follow-up calls, spread into the contract. Times travel as ISO 8601 with the user's offset. */

const Phrase = z.string().trim().min(1, 'say when, e.g. "tomorrow 9am"').max(200)
const Person = z.string().trim().max(200).nullable()

export const FollowUpItem = z.object({
  id: NoteId,
  title: z.string(),
  notebookId: NotebookId,
  dueAt: isoTimeSchema,
  waitingOn: z.string().nullable(),
  owner: z.string().nullable(),
  attempt: z.number().int(),
  attempts: z.number().int().nullable(),
  standard: z.string().nullable(),
})
export type FollowUpItem = z.infer<typeof FollowUpItem>

export const DoneItem = z.object({ id: NoteId, title: z.string(), doneAt: isoTimeSchema })

export const FollowUpView = z.object({
  overdue: z.array(FollowUpItem),
  today: z.array(FollowUpItem),
  upcoming: z.array(FollowUpItem),
  waitingOn: z.array(z.object({ person: z.string(), items: z.array(FollowUpItem) })),
  recentlyDone: z.array(DoneItem),
  counts: z.object({
    overdue: z.number().int(),
    today: z.number().int(),
    upcoming: z.number().int(),
    waitingOn: z.number().int(),
    recentlyDone: z.number().int(),
  }),
})
export type FollowUpView = z.infer<typeof FollowUpView>

export const LogOutcome = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('next'),
    attempt: z.number().int(),
    attempts: z.number().int().nullable(),
    dueAt: isoTimeSchema,
  }),
  z.object({ kind: z.literal('finished'), attempt: z.number().int(), attempts: z.number().int().nullable() }),
])

export const CalendarStatus = z.object({
  folder: z.string().nullable(),
  file: z.string().nullable(),
  writtenAt: isoTimeSchema.nullable(),
  error: z.string().nullable(),
  canPick: z.boolean(),
})
export type CalendarStatus = z.infer<typeof CalendarStatus>

export const followUpContract = {
  /** Reads a phrase without saving anything, so the UI can show the time before the user commits. */
  'followups.parse': method(
    z.object({ phrase: z.string().max(200) }),
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), dueAt: isoTimeSchema, timeZone: z.string() }),
      z.object({
        ok: z.literal(false),
        reason: z.enum(['empty', 'unreadable', 'past', 'bad-zone']),
        message: z.string(),
      }),
    ]),
  ),
  'followups.set': method(
    z.object({
      id: NoteId,
      phrase: Phrase.optional(),
      dueAt: isoTimeSchema.optional(),
      waitingOn: Person.optional(),
      owner: Person.optional(),
      standard: StandardId.nullable().optional(),
    }),
    Note,
  ),
  'followups.snooze': method(
    z.object({ id: NoteId, phrase: Phrase.optional(), until: isoTimeSchema.optional() }),
    Note,
  ),
  'followups.done': method(z.object({ id: NoteId }), Note),
  'followups.reopen': method(z.object({ id: NoteId }), Note),
  'followups.clear': method(z.object({ id: NoteId }), Note),
  'followups.log': method(z.object({ id: NoteId }), z.object({ note: Note, outcome: LogOutcome })),
  'followups.view': method(z.object({}), FollowUpView),
  'followups.standards': method(z.object({}), z.array(Standard)),
  'followups.saveStandard': method(Standard, z.array(Standard)),
  /** Refused while an open follow-up still runs on the standard; defaults pointing at it are dropped. */
  'followups.deleteStandard': method(z.object({ id: StandardId }), z.array(Standard)),
  /** Which standard each notebook, tag (lower-cased) and board starts new follow-ups with. */
  'followups.defaults': method(
    z.object({}),
    z.object({
      notebooks: z.record(z.string(), StandardId),
      tags: z.record(z.string(), StandardId),
      boards: z.record(z.string(), StandardId),
    }),
  ),
  /** The standard a new follow-up on this note would start with: its tags' default, else its board's, else its notebook's. */
  'followups.defaultFor': method(z.object({ id: NoteId }), z.object({ standard: StandardId.nullable() })),
  /** The standard new follow-ups start with for notes in a notebook or with a tag; null removes it. */
  'followups.setDefault': method(
    z.object({
      scope: z.enum(['notebooks', 'tags', 'boards']),
      key: z.string().min(1).max(200),
      standard: StandardId.nullable(),
    }),
    z.object({ ok: z.literal(true) }),
  ),
  /** The calendar feed: a folder kept holding an .ics of open follow-ups for phone and watch calendars. */
  'followups.calendar': method(z.object({}), CalendarStatus),
  /**
   * Null turns the feed off. A typed folder is taken only where there is no folder dialog (the preview);
   * it must exist, must not be a system folder, and is written to at once.
   */
  'followups.setCalendarFolder': method(
    z.object({ folder: z.string().trim().min(1).max(4096).nullable() }),
    CalendarStatus,
  ),
  /** Electron's folder dialog, then as setCalendarFolder; a cancelled dialog changes nothing. */
  'followups.pickCalendarFolder': method(z.object({}), CalendarStatus),
} as const
