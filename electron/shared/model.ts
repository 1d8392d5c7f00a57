import { z } from 'zod'
import { MailRef } from './mail-ref'

/** Bumped whenever the on-disk shape of a note changes; core/migrations.ts upgrades older documents. */
export const NOTE_SCHEMA_VERSION = 3

/**
 * The years a stored date may fall in. Four-digit years are what ISO 8601 text, the ICS feed (RFC 5545)
 * and every date picker handle; a date outside them is a mistake in its source (Trello has exported
 * "+275760-09-13"), and one stored would break the feed and every view that formats it.
 */
export const DATE_YEARS = { min: 1900, max: 9999 } as const

/** True for an ISO time whose UTC year lies in DATE_YEARS; the one test importers and the model share. */
export function isSupportedDate(iso: string): boolean {
  const year = new Date(iso).getUTCFullYear()
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max
}

/**
 * How big and how deep one note may be: the one place these limits live. A deeper document overflows the
 * recursive code that walks it (zod, JSON, ProseMirror); a bigger one makes the editor crawl and the
 * note file too large to sync. Importers, the contract and the editor's paste all check against these.
 */
export const DOC_LIMITS = {
  /** Levels of nodes below the document: a list in a list is four (list, item, list, item). */
  depth: 100,
  /** Characters of the document's JSON, the form it is stored and sent in. */
  bytes: 10 * 1024 * 1024,
  label: '10 MB',
  /** Nodes in all (paragraphs, list items, runs of text): what the editor has to draw. */
  nodes: 200_000,
} as const

/** JSON levels a document within DOC_LIMITS.depth may use: two per node level, and room for marks and attrs. */
const MAX_JSON_LEVELS = DOC_LIMITS.depth * 2 + 16

const NODE = 1
const NODE_LIST = 2

/**
 * Why a document is past DOC_LIMITS (a clause: "the note is larger than 10 MB"), or null. It walks with
 * its own stack, never recursion, so a document a million levels deep is measured and refused before
 * any recursive code (zod, text extraction, JSON.stringify, the editor) meets it. The size counts the
 * characters of the document's JSON, escapes aside.
 */
export function docLimitProblem(doc: unknown): string | null {
  const stack: [value: unknown, level: number, json: number, kind: number][] = [[doc, 0, 0, NODE]]
  let size = 0
  let nodes = 0
  while (stack.length > 0) {
    const [value, level, json, kind] = stack.pop()!
    if (json > MAX_JSON_LEVELS || (kind === NODE && level > DOC_LIMITS.depth))
      return `the note nests more than ${DOC_LIMITS.depth} levels deep (lists or quotes inside each other)`
    if (kind === NODE && ++nodes > DOC_LIMITS.nodes)
      return `the note has more than ${DOC_LIMITS.nodes.toLocaleString('en')} parts (paragraphs, list items, runs of text)`
    if (typeof value === 'string') size += value.length + 2
    else if (Array.isArray(value)) {
      size += 1 + value.length
      for (const item of value) stack.push([item, level, json + 1, kind === NODE_LIST ? NODE : 0])
    } else if (typeof value === 'object' && value !== null) {
      size += 1
      for (const [key, child] of Object.entries(value)) {
        if (child === undefined) continue
        size += key.length + 4
        // The items of a node's content are the next level of nodes.
        const childKind = kind === NODE && key === 'content' ? NODE_LIST : 0
        stack.push([child, childKind === NODE_LIST ? level + 1 : level, json + 1, childKind])
      }
    } else size += String(value).length
    if (size > DOC_LIMITS.bytes) return `the note is larger than ${DOC_LIMITS.label}`
  }
  return null
}

const isoTime = z.iso
  .datetime({ offset: true })
  .refine(isSupportedDate, `must be a date in the years ${DATE_YEARS.min}–${DATE_YEARS.max}`)
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"')

/** The node a link to another note is (shared/note-link.ts); its attributes are checked, the rest is free-form. */
export const NOTE_LINK_NODE = 'noteLink'

/**
 * A link to another note: the target's id (what keeps the link working through renames), the target's
 * title when the link was made or last saved (what plain text, search and exports read), and the link's own
 * words when the user chose some (null: the link shows the target's current title).
 */
export const NoteLinkAttrs = z.object({
  id,
  title: z.string().max(500),
  label: z.string().max(500).nullable(),
})
export type NoteLinkAttrs = z.infer<typeof NoteLinkAttrs>

/** A TipTap/ProseMirror JSON document. Its inner nodes are free-form; core derives plain text from it. */
export const DocNode: z.ZodType<DocNodeT> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(64),
      text: z.string().optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
      marks: z
        .array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
        .optional(),
      content: z.array(DocNode).optional(),
    })
    .loose()
    .superRefine((node, ctx) => {
      if (node.type !== NOTE_LINK_NODE) return
      const attrs = NoteLinkAttrs.safeParse(node.attrs)
      if (!attrs.success)
        ctx.addIssue({
          code: 'custom',
          message: 'a note link needs the id and title of the note it links to',
        })
    }),
)
export interface DocNodeT {
  type: string
  text?: string
  attrs?: Record<string, unknown>
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  content?: DocNodeT[]
  [key: string]: unknown
}
const DocShape = z.object({ type: z.literal('doc'), content: z.array(DocNode).optional() }).loose()
/** A note's document: measured against DOC_LIMITS first, and parsed only when it is within them. */
export const NoteDoc = z
  .custom<z.input<typeof DocShape>>()
  .superRefine((doc, ctx) => {
    const problem = docLimitProblem(doc)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .pipe(DocShape)
export type NoteDoc = z.infer<typeof NoteDoc>

export const NoteId = id
export const NotebookId = id
/** Tags one note may carry; an importer keeps the first ones of a longer list and says so. */
export const MAX_TAGS = 100

export const Tag = z
  .string()
  .trim()
  .min(1, 'a tag cannot be empty')
  .max(64, 'a tag is at most 64 characters')
  .regex(/^[^\s,#]+$/u, 'a tag has no spaces, commas or "#"')

/** A pending follow-up: when to chase, whom we wait on, and which attempt of its standard this is. */
export const FollowUp = z.object({
  dueAt: isoTime,
  waitingOn: z.string().trim().max(200).nullable(),
  owner: z.string().trim().max(200).nullable(),
  /** 1 for the first follow-up; "attempt 2 of 5" reads this and the standard's length. */
  attempt: z.number().int().min(1).max(1000),
  /** Id of the follow-up standard (cadence) that schedules the next attempt, if any. */
  standard: z.string().max(64).nullable(),
})
export type FollowUp = z.infer<typeof FollowUp>

export const HistoryEntry = z.object({
  at: isoTime,
  kind: z.enum(['followup-set', 'attempt', 'snooze', 'done', 'reopened', 'followup-cleared']),
  /** The follow-up's due time the event refers to (or sets). */
  dueAt: isoTime.optional(),
  detail: z.string().max(500).optional(),
})
export type HistoryEntry = z.infer<typeof HistoryEntry>

/**
 * Where a note sits on a board. A note is on at most one board: a card IS the note, so two placements
 * would mean two cards that disagree about whether the note is done. `rank` is a sortable key
 * (shared/rank.ts) so moving a card rewrites only that card's note, never its neighbours.
 */
export const BoardPlacement = z.object({
  boardId: id,
  columnId: id,
  rank: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[0-9A-Za-z]+$/, 'a rank is letters and digits'),
})
export type BoardPlacement = z.infer<typeof BoardPlacement>

export const Note = z.object({
  schemaVersion: z.literal(NOTE_SCHEMA_VERSION),
  id: NoteId,
  title: z.string().max(500, 'a title is at most 500 characters'),
  doc: NoteDoc,
  /** Plain text derived from doc by core; never trusted from the renderer. */
  text: z.string(),
  notebookId: NotebookId,
  tags: z.array(Tag).max(MAX_TAGS, `a note has at most ${MAX_TAGS} tags`),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Increases by one on every save; lets a stale editor be detected instead of overwriting newer text. */
  revision: z.number().int().nonnegative(),
  followUp: FollowUp.nullable(),
  doneAt: isoTime.nullable(),
  archivedAt: isoTime.nullable(),
  trashedAt: isoTime.nullable(),
  history: z.array(HistoryEntry),
  board: BoardPlacement.nullable(),
  /**
   * The message a note was made from (mail tracking). Absent on every other note, so older files need no
   * migration; an unreadable value is dropped rather than losing the note.
   */
  mail: MailRef.nullable().optional().catch(null),
})
export type Note = z.infer<typeof Note>

/** The state of a note nobody has followed up, finished, archived or trashed yet. */
export const freshNoteState = (): Pick<
  Note,
  'followUp' | 'doneAt' | 'archivedAt' | 'trashedAt' | 'history' | 'board'
> => ({
  followUp: null,
  doneAt: null,
  archivedAt: null,
  trashedAt: null,
  history: [],
  board: null,
})

/** Counts a card shows, derived from the document by core (shared/doc-stats.ts). */
export const DocStats = z.object({
  tasks: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
  media: z.object({ images: z.number().int().nonnegative(), files: z.number().int().nonnegative() }),
})
export type DocStats = z.infer<typeof DocStats>

/** What the note list needs, kept in memory and in the start-up snapshot. */
export const NoteSummary = Note.pick({
  id: true,
  title: true,
  notebookId: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
  revision: true,
  followUp: true,
  doneAt: true,
  archivedAt: true,
  trashedAt: true,
  board: true,
})
  .extend({ snippet: z.string() })
  .extend(DocStats.shape)
  /** The notes this one links to (ids, each once); core's backlink index is built from these. */
  .extend({ links: z.array(NoteId) })
export type NoteSummary = z.infer<typeof NoteSummary>

export const Notebook = z.object({
  id: NotebookId,
  name: z.string().trim().min(1).max(200),
  createdAt: isoTime,
})
export type Notebook = z.infer<typeof Notebook>

export { INBOX_ID } from './domain/notes'
export const isoTimeSchema = isoTime
