import { z } from 'zod'
import { method } from './contract-method'
import { Note, NoteDoc, NoteId, NoteSummary, Notebook, NotebookId, Tag, isoTimeSchema } from './model'
import { followUpContract } from './contract-followups'
import { captureContract, captureEvents } from './contract-capture'
import { libraryContract } from './contract-library'
import { searchContract } from './contract-search'
import { attachmentContract } from './contract-attachments'
import { transferContract, transferEvents } from './contract-transfer'
import { boardsContract } from './contract-boards'
import { linksContract } from './contract-links'
import { languageContract, languageEvents } from './contract-language'
import { mailContract, mailEvents } from './contract-mail'
import { syncContract, syncEvents } from './contract-sync'

/**
 * The one list of calls the renderer can make. Main's IPC registration, the preload's window.tickler,
 * the browser preview's HTTP transport and core's handler table are all derived from this object,
 * so a method is named exactly once.
 */
/** Where a page of the note list ends: the last row's time and id (the list is newest first, ties by id). */
export const NoteCursor = z.object({ updatedAt: isoTimeSchema, id: NoteId })
export type NoteCursor = z.infer<typeof NoteCursor>
/** One page of the note list, in the summary's own shape; `next` is null on the last page. */
export const NotePage = z.object({ notes: z.array(NoteSummary), next: NoteCursor.nullable() })
export type NotePage = z.infer<typeof NotePage>

export const contract = {
  /** The renderer's answer to 'app.flush': everything its editors held is saved. */
  'app.flushed': method(z.object({ requestId: z.string().max(64) }), z.object({})),
  'app.info': method(
    z.object({}),
    z.object({ version: z.string(), dataDir: z.string(), platform: z.string(), preview: z.boolean() }),
  ),
  'notes.list': method(
    z.object({ notebookId: NotebookId.optional(), tag: Tag.optional() }),
    z.array(NoteSummary),
  ),
  /**
   * The whole list (Trash included) a page at a time, newest first: a window shows its first rows while
   * the rest of a 100,000-note library arrives, instead of parsing every row in one task.
   */
  'notes.page': method(
    z.object({ after: NoteCursor.optional(), limit: z.number().int().min(1).max(10_000) }),
    NotePage,
  ),
  'notes.get': method(z.object({ id: NoteId }), Note),
  'notes.create': method(
    z.object({
      notebookId: NotebookId.optional(),
      title: Note.shape.title.optional(),
      doc: NoteDoc.optional(),
      tags: Note.shape.tags.optional(),
    }),
    Note,
  ),
  'notes.update': method(
    z.object({
      id: NoteId,
      title: Note.shape.title.optional(),
      doc: NoteDoc.optional(),
      tags: Note.shape.tags.optional(),
      notebookId: NotebookId.optional(),
      /** The revision the editor started from; a mismatch is refused rather than overwriting newer text. */
      baseRevision: z.number().int().nonnegative().optional(),
    }),
    Note,
  ),
  /** The model's DOC_LIMITS, which the editor applies to a paste before core would refuse the save. */
  'notes.limits': method(
    z.object({}),
    z.object({ depth: z.number().int(), bytes: z.number().int(), label: z.string(), nodes: z.number().int() }),
  ),
  'notebooks.list': method(z.object({}), z.array(Notebook.extend({ noteCount: z.number().int() }))),
  'notebooks.create': method(z.object({ name: Notebook.shape.name }), Notebook),
  'shell.openExternal': method(z.object({ url: z.string().max(4096) }), z.object({ opened: z.boolean() })),
  ...followUpContract,
  ...captureContract,
  ...libraryContract,
  ...searchContract,
  ...attachmentContract,
  ...transferContract,
  ...boardsContract,
  ...linksContract,
  ...languageContract,
  ...mailContract,
  ...syncContract,
} as const

/** Main → renderer notifications. */
export const events = {
  /**
   * After every write: `summaries` are the written notes' new rows and `removed` the ids gone from the
   * library, so a window patches its list rather than reloading it; `notebooks` says notebooks changed.
   */
  'library.changed': z.object({
    noteIds: z.array(NoteId),
    notebooks: z.boolean(),
    summaries: z.array(NoteSummary),
    removed: z.array(NoteId),
  }),
  'note.open': z.object({ id: NoteId }),
  /** The app menu's File > New Note (and later the tray): the window creates a note where the user is. */
  'note.new': z.object({}),
  /** The app menu's Edit > Search Notes: the window opens its search palette. */
  'search.open': z.object({}),
  /** Sent before a window closes or the app quits: save pending edits, then call app.flushed. */
  'app.flush': z.object({ requestId: z.string() }),
  /** Follow-ups just notified, so an open window can refresh its counts and badges. */
  'followup.due': z.object({ noteIds: z.array(NoteId) }),
  ...captureEvents,
  ...transferEvents,
  ...languageEvents,
  ...mailEvents,
  ...syncEvents,
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>
export type EventName = keyof typeof events
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const methodNames = Object.keys(contract) as MethodName[]
export const eventNames = Object.keys(events) as EventName[]

type Split<S extends string> = S extends `${infer NS}.${infer M}` ? [NS, M] : never
type Namespaces = Split<MethodName>[0]
type MethodsIn<NS extends string> = Extract<MethodName, `${NS}.${string}`>

/** The shape of window.tickler: `tickler.notes.create({...})`, plus `on(event, handler)`. */
export type TicklerApi = {
  [NS in Namespaces]: {
    [M in MethodsIn<NS> as Split<M>[1]]: (input: MethodInput<M>) => Promise<MethodOutput<M>>
  }
} & {
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void
}

/** Every error crossing a transport has a code and a sentence a person can read. */
export const ErrorCode = z.enum(['BAD_INPUT', 'NOT_FOUND', 'CONFLICT', 'LOCKED', 'FORBIDDEN', 'INTERNAL'])
export type ErrorCode = z.infer<typeof ErrorCode>
export const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ErrorCode, message: z.string() }) }),
])
export type Envelope = z.infer<typeof Envelope>
