import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import type { z } from 'zod'
import { describeZodError } from '../shared/rpc'
import { writeFileDurable } from './durable-file'

export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`)
  }
}

/**
 * The one way core trusts a JSON document it read from disk: it must parse AND match its zod schema.
 * Either failure is the same "unreadable" to the caller, which moves the file aside and reports it (a
 * document) or rebuilds it (a cache); a document that parses but has the wrong shape is never used.
 * Returns the reason, or the parsed value.
 */
export function parseJson<S extends z.ZodType>(
  text: string,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; reason: string } {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${(error as Error).message})` }
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, data: parsed.data }
  // A large damaged document can fail in thousands of places; the first few say what is wrong.
  const issues = describeZodError(parsed.error).slice(0, 300)
  return { ok: false, reason: `unexpected content (${issues})` }
}

/** parseJson for a file's text, throwing UnreadableFileError naming the file. */
export function parseDocument<S extends z.ZodType>(path: string, text: string, schema: S): z.output<S> {
  const result = parseJson(text, schema)
  if (!result.ok) throw new UnreadableFileError(path, result.reason)
  return result.data
}

/**
 * lowdb adapter for one JSON document, durable on write. Unlike lowdb's JSONFile (steno), it fsyncs,
 * and a file that does not parse or does not match its schema is reported (UnreadableFileError) instead
 * of being treated as empty and later overwritten.
 */
export class DurableJsonFile<S extends z.ZodType> implements Adapter<z.output<S>> {
  constructor(
    readonly path: string,
    private readonly schema: S,
  ) {}

  async read(): Promise<z.output<S> | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return parseDocument(this.path, text, this.schema)
  }

  async write(data: z.output<S>): Promise<void> {
    await writeFileDurable(this.path, `${JSON.stringify(data, null, 1)}\n`)
  }
}
