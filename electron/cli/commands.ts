import { type z } from 'zod'
import { contract } from '../shared/contract'
import { textToDoc } from '../shared/doc-text'
import { TicklerError, describeZodError } from '../shared/rpc'
import { openLibrary, summaryWithLinks, type Library } from '../core'
import { formatNote, formatSummary, zonedNote } from './format'
import { systemTimeZone } from '../shared/followups/zone'
import { UsageError, type Io } from './io'

export interface Context {
  dataDir: string
  json: boolean
  now: () => Date
  io: Io
  positionals: string[]
  values: Record<string, string | string[] | boolean | undefined>
  /** The environment the command runs in (mail passwords come from a variable named on the command line). */
  env?: NodeJS.ProcessEnv
}

/** Read commands never take the lock, so they work while the app is running. */
export async function withLibrary<T>(
  ctx: Context,
  write: boolean,
  use: (lib: Library) => Promise<T>,
): Promise<T> {
  const lib = await openLibrary(ctx.dataDir, { now: ctx.now, readOnly: !write, holder: 'cli' })
  try {
    await lib.reconciled // scripts want the exact state on disk, not the fast start-up view
    for (const c of lib.report.corrupt) {
      ctx.io.err(
        `warning: ${c.file} could not be read (${c.reason})${c.movedTo ? `; moved to ${c.movedTo}` : ''}`,
      )
    }
    for (const line of describeInterrupted(lib.report.imports)) ctx.io.err(line)
    return await use(lib)
  } finally {
    await lib.close()
  }
}

/** What open did about imports a crash had stopped, in the words a user needs to decide what next. */
export function describeInterrupted(imports: Library['report']['imports']): string[] {
  return imports.map((i) =>
    i.outcome === 'rolled-back'
      ? `note: the import of ${i.file} was interrupted; the ${i.notes} notes it had imported were removed (it was started with --rollback).`
      : i.outcome === 'resumable'
        ? `note: the import of ${i.file} was interrupted after ${i.notes} notes, which are kept. Run "tickler import ${i.file}" again to import the rest: the notes already imported are not imported twice.`
        : `note: the import of ${i.file} had finished; it is now recorded as imported.`,
  )
}

/** The CLI checks input with the same zod schemas as the app, so both refuse the same things. */
function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) throw new TicklerError('BAD_INPUT', describeZodError(parsed.error))
  return parsed.data
}

function resolveNotebook(lib: Library, nameOrId: string | undefined): string | undefined {
  if (nameOrId === undefined) return undefined
  const wanted = nameOrId.toLocaleLowerCase()
  const match = lib.listNotebooks().find((nb) => nb.id === nameOrId || nb.name.toLocaleLowerCase() === wanted)
  if (!match) throw new TicklerError('NOT_FOUND', `There is no notebook named "${nameOrId}".`)
  return match.id
}

export async function add(ctx: Context): Promise<void> {
  const text = ctx.positionals.join(' ').trim()
  if (!text) throw new UsageError('add needs the note text: tickler add "<text>" [--title T]')
  const title = typeof ctx.values.title === 'string' ? ctx.values.title : undefined
  const [firstLine = '', ...rest] = text.split(/\r?\n/)
  const tags = (ctx.values.tag as string[] | undefined) ?? []
  await withLibrary(ctx, true, async (lib) => {
    const input = parseInput(contract['notes.create'].input, {
      title: title ?? firstLine,
      doc: textToDoc(title === undefined ? rest.join('\n') : text),
      tags,
      notebookId: resolveNotebook(lib, ctx.values.notebook as string | undefined),
    })
    const note = await lib.createNote(input)
    ctx.io.out(ctx.json ? JSON.stringify(note) : `Added ${formatSummary(summaryWithLinks(note))}`)
  })
}

export async function list(ctx: Context): Promise<void> {
  await withLibrary(ctx, false, async (lib) => {
    const notes = lib.listNotes({
      notebookId: resolveNotebook(lib, ctx.values.notebook as string | undefined),
    })
    if (ctx.json) ctx.io.out(JSON.stringify(notes))
    else
      ctx.io.out(
        notes.length ? notes.map(formatSummary).join('\n') : 'No notes yet. Add one: tickler add "<text>"',
      )
  })
}

export async function show(ctx: Context): Promise<void> {
  const id = ctx.positionals[0]
  if (!id) throw new UsageError('show needs a note id: tickler show <id>')
  await withLibrary(ctx, false, async (lib) => {
    const note = await lib.getNote(parseInput(contract['notes.get'].input, { id }).id)
    // The follow-up time in the user's zone, with its offset, whichever zone it was set in.
    const zone = typeof ctx.values.tz === 'string' ? ctx.values.tz : systemTimeZone()
    ctx.io.out(ctx.json ? JSON.stringify(zonedNote(note, zone)) : formatNote(note))
  })
}
