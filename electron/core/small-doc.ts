import { access, mkdir, readFile, rename } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { TicklerError } from '../shared/rpc'
import { DurableJsonFile, UnreadableFileError } from './json-document'
import type { CorruptFile } from './types'

export interface SmallDocOptions {
  /**
   * The newest schemaVersion this Tickler reads. A document with a higher one is from a newer Tickler:
   * opening fails with that message instead of moving the file aside as damaged.
   */
  newestVersion?: number
}

export class NewerDocumentError extends Error {}

/**
 * A small durable lowdb document in the data folder (library.json, settings, boards, follow-up delivery
 * record...). A file that does not parse or fails its schema is moved to corrupt/ and reported, never
 * overwritten in place, and the document starts again from its defaults.
 */
export async function openSmallDoc<S extends z.ZodType>(
  dataDir: string,
  name: string,
  schema: S,
  fresh: () => z.output<S>,
  readOnly: boolean,
  options: SmallDocOptions = {},
): Promise<{ db: Low<z.output<S>>; corrupt: CorruptFile | null }> {
  const path = join(dataDir, name)
  const db = new Low<z.output<S>>(new DurableJsonFile(path, schema), fresh())
  let reason: string | null = null
  try {
    await db.read()
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
    if (options.newestVersion !== undefined) await refuseNewer(path, name, options.newestVersion)
    reason = error.reason
  }
  if (reason === null) return { db, corrupt: null }
  db.data = fresh()
  let movedTo = ''
  if (!readOnly && (await exists(path))) {
    await mkdir(join(dataDir, 'corrupt'), { recursive: true })
    const to = join(dataDir, 'corrupt', `${name.replace(/\.json$/, '')}.${Date.now()}.json`)
    await rename(path, to)
    movedTo = relative(dataDir, to)
  }
  return { db, corrupt: { file: name, movedTo, reason } }
}

/** A document that failed its schema only because a newer Tickler wrote it is not damage: say so. */
async function refuseNewer(path: string, name: string, newest: number): Promise<void> {
  let version: unknown
  try {
    version = (JSON.parse(await readFile(path, 'utf8')) as { schemaVersion?: unknown })?.schemaVersion
  } catch {
    return
  }
  if (typeof version === 'number' && version > newest) {
    throw new NewerDocumentError(`${name} was written by a newer Tickler (schema ${version}); update Tickler.`)
  }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

/**
 * Applies `change` to a small document and writes it; if the write fails, the document in memory is put
 * back as it was, so what is read afterwards is what is on disk. A read-only library refuses at once.
 */
export async function changeSmallDoc<T>(db: Low<T>, readOnly: boolean, change: (doc: T) => void): Promise<void> {
  if (readOnly) throw new TicklerError('LOCKED', 'The library is open read-only; nothing can be saved.')
  const before = structuredClone(db.data)
  change(db.data)
  try {
    await db.write()
  } catch (error) {
    db.data = before
    throw error
  }
}
