import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import { StandardId } from '../../shared/followups/standards'
import { FollowUp, isoTimeSchema, type Note } from '../../shared/model'
import { toTags } from '../import/draft'

/** A YAML scalar: JSON strings are valid YAML, and quoting every value keeps "no", "2024-01-01" and ": " literal. */
const q = (value: string) => JSON.stringify(value)

/**
 * YAML front matter carrying what the Markdown body cannot: notebook, tags, dates and the follow-up, so an
 * export read by Obsidian, Joplin or a script keeps everything the app knew about the note, and importing
 * it gives the same note back. Flat keys, because Obsidian's Properties and Joplin read flat keys.
 */
export function frontMatter(note: Note, notebook: string): string {
  const lines = ['---', `title: ${q(note.title)}`, `notebook: ${q(notebook)}`]
  lines.push(note.tags.length ? `tags: [${note.tags.map(q).join(', ')}]` : 'tags: []')
  lines.push(`created: ${q(note.createdAt)}`, `updated: ${q(note.updatedAt)}`)
  const f = note.followUp
  if (f) {
    lines.push(`follow-up: ${q(f.dueAt)}`)
    if (f.waitingOn) lines.push(`waiting-on: ${q(f.waitingOn)}`)
    if (f.owner) lines.push(`owner: ${q(f.owner)}`)
    if (f.standard) lines.push(`standard: ${q(f.standard)}`)
    lines.push(`attempt: ${f.attempt}`)
  }
  if (note.doneAt) lines.push(`done: ${q(note.doneAt)}`)
  if (note.archivedAt) lines.push(`archived: ${q(note.archivedAt)}`)
  lines.push('---', '')
  return lines.join('\n')
}

/** What front matter can say about a note; every field is optional, as other apps write only some. */
export interface NoteMeta {
  title?: string
  notebook?: string
  tags?: string[]
  createdAt?: string
  updatedAt?: string
  followUp?: FollowUp
  doneAt?: string
  archivedAt?: string
}

export interface SplitMarkdown {
  meta: NoteMeta
  body: string
  /** Values that were there but could not be used, each a sentence; the note still imports. */
  problems: string[]
}

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/

/** An ISO time kept as written; another date form a person or app writes ("2024-01-05 09:00") made ISO. */
function time(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined
  const text = value instanceof Date ? value.toISOString() : value.trim()
  if (isoTimeSchema.safeParse(text).success) return text
  const ms = Date.parse(text)
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString()
}

/** A value as the user wrote it, for a message saying it could not be used. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value))

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined

function tagsOf(value: unknown): string[] | undefined {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : undefined
  if (!raw) return undefined
  // Obsidian writes tags with or without their "#".
  return toTags(raw.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^#/, '')))
}

const Attempt = z.coerce.number().int().min(1).max(1000)

/** Our flat keys, and the nested `follow-up:` map older Tickler library exports wrote. */
function followUpOf(data: Record<string, unknown>, problems: string[]): FollowUp | undefined {
  const raw = data['follow-up']
  const nested = typeof raw === 'object' && raw !== null && !(raw instanceof Date)
  const from = nested ? (raw as Record<string, unknown>) : data
  const due = time(nested ? from.due : (raw ?? data.due))
  if (!due) {
    if (raw !== undefined && raw !== null) problems.push(`the follow-up time "${shown(raw)}" is not a date`)
    return undefined
  }
  const standard = StandardId.safeParse(from.standard)
  const attempt = Attempt.safeParse(from.attempt ?? 1)
  return FollowUp.parse({
    dueAt: due,
    waitingOn: text(from['waiting-on'], 200) ?? null,
    owner: text(from.owner, 200) ?? null,
    attempt: attempt.success ? attempt.data : 1,
    standard: standard.success ? standard.data : null,
  })
}

/**
 * Splits a leading YAML front matter block from a Markdown file and reads the fields Tickler knows.
 * A block that is not YAML (or not a mapping) is no front matter: the whole file stays the body, so
 * nothing the user wrote is lost.
 */
export function readFrontMatter(source: string): SplitMarkdown {
  const match = BLOCK.exec(source)
  if (!match) return { meta: {}, body: source, problems: [] }
  let data: unknown
  try {
    data = parseYaml(match[1]!, { maxAliasCount: 0 })
  } catch (error) {
    return {
      meta: {},
      body: source,
      problems: [
        `its front matter is not YAML (${(error as Error).message.split('\n')[0]!.replace(/:$/, '')})`,
      ],
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { meta: {}, body: source, problems: [] }
  const fields = data as Record<string, unknown>
  const problems: string[] = []
  const meta: NoteMeta = {}
  const put = <K extends keyof NoteMeta>(
    key: K,
    value: NoteMeta[K] | undefined,
    raw: unknown,
    what: string,
  ) => {
    if (value !== undefined) meta[key] = value
    else if (raw !== undefined && raw !== null && raw !== '' && raw !== false)
      problems.push(`${what} "${shown(raw)}" could not be read`)
  }
  put(
    'title',
    typeof fields.title === 'string' ? fields.title.slice(0, 500) : undefined,
    fields.title,
    'the title',
  )
  put('notebook', text(fields.notebook, 200), fields.notebook, 'the notebook')
  put('tags', tagsOf(fields.tags), fields.tags, 'the tags')
  put('createdAt', time(fields.created), fields.created, 'the created date')
  put('updatedAt', time(fields.updated), fields.updated, 'the updated date')
  put('doneAt', time(fields.done), fields.done, 'the done date')
  put('archivedAt', time(fields.archived), fields.archived, 'the archived date')
  const followUp = followUpOf(fields, problems)
  if (followUp) meta.followUp = followUp
  return { meta, body: source.slice(match[0].length), problems }
}
