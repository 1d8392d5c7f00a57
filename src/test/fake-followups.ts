import type { TicklerApi } from '../../electron/shared/contract'
import type { Standard } from '../../electron/shared/followups/standards'
import type { Note } from '../../electron/shared/model'

/**
 * followups.* for the in-memory fake: phrases are read from a fixed table (the real parser lives in core
 * and is tested there), and set/done/log/clear change the note as core would in the simple cases.
 */
export function createFakeFollowUps(notes: Map<string, Note>, now: () => Date): TicklerApi['followups'] {
  // The shipped standards, written out: renderer code may import shared types only, not values.
  let standards: Standard[] = [
    { id: '48-hour-reply', name: '48-hour reply', unit: 'hours', offsets: [48], repeat: false },
    { id: 'sales-lead', name: 'Sales lead', unit: 'days', offsets: [2, 5, 10, 20, 30], repeat: false },
    { id: 'weekly-check', name: 'Weekly check', unit: 'weeks', offsets: [1], repeat: true },
  ]
  const phrases: Record<string, number> = { '48h': 48, tomorrow: 24, 내일: 24, '1h': 1 }
  const find = (id: string) => {
    const note = notes.get(id)
    if (!note) throw new Error(`No note with id "${id}".`)
    return note
  }
  const save = (note: Note) => (notes.set(note.id, note), structuredClone(note))
  const at = (hours: number) => new Date(now().getTime() + hours * 3_600_000).toISOString()
  const unreadable = (phrase: string) => ({
    ok: false as const,
    reason: 'unreadable' as const,
    message: `Could not read "${phrase}" as a time.`,
  })
  return {
    parse: async ({ phrase }) =>
      phrases[phrase] ? { ok: true, dueAt: at(phrases[phrase]), timeZone: 'UTC' } : unreadable(phrase),
    set: async ({ id, phrase, dueAt, waitingOn, standard }) => {
      const hours = phrase ? phrases[phrase] : undefined
      if (phrase && !hours) throw new Error(unreadable(phrase).message)
      const note = find(id)
      const due = dueAt ?? at(hours ?? 48)
      const followUp = {
        dueAt: due,
        waitingOn: waitingOn ?? null,
        owner: null,
        attempt: 1,
        standard: standard ?? null,
      }
      return save({ ...note, followUp, doneAt: null })
    },
    snooze: async ({ id, until }) => {
      const note = find(id)
      return save({ ...note, followUp: note.followUp && { ...note.followUp, dueAt: until ?? at(1) } })
    },
    done: async ({ id }) => save({ ...find(id), followUp: null, doneAt: now().toISOString() }),
    reopen: async ({ id }) => save({ ...find(id), doneAt: null }),
    clear: async ({ id }) => save({ ...find(id), followUp: null }),
    log: async ({ id }) => {
      const note = find(id)
      const attempt = note.followUp?.attempt ?? 1
      return {
        note: save({ ...note, followUp: null }),
        outcome: { kind: 'finished', attempt, attempts: null },
      }
    },
    view: async () => ({
      overdue: [],
      today: [],
      upcoming: [],
      waitingOn: [],
      recentlyDone: [],
      counts: { overdue: 0, today: 0, upcoming: 0, waitingOn: 0, recentlyDone: 0 },
    }),
    standards: async () => structuredClone(standards),
    saveStandard: async (standard) => {
      const i = standards.findIndex((x) => x.id === standard.id)
      standards = i >= 0 ? standards.with(i, standard) : [...standards, standard]
      return structuredClone(standards)
    },
    deleteStandard: async ({ id }) => {
      standards = standards.filter((x) => x.id !== id)
      return structuredClone(standards)
    },
    defaults: async () => ({ notebooks: {}, tags: {}, boards: {} }),
    calendar: async () => ({ folder: null, file: null, writtenAt: null, error: null, canPick: false }),
    setCalendarFolder: async ({ folder }) => ({
      folder,
      file: folder && `${folder}/tickler-followups.ics`,
      writtenAt: folder && now().toISOString(),
      error: null,
      canPick: false,
    }),
    pickCalendarFolder: async () => {
      throw new Error('This window cannot show a folder dialog; type the path.')
    },
    defaultFor: async ({ id }) => (find(id), { standard: null }),
    setDefault: async () => ({ ok: true }),
  }
}
