import { access, mkdir, rename } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { describeZodError } from '../shared/rpc'
import { DurableJsonFile, UnreadableFileError } from './json-document'
import type { CorruptFile } from './types'

/**
 * A small durable lowdb document in the data folder (settings, follow-up delivery record). A file that
 * does not parse or fails its schema is moved to corrupt/ and reported, never overwritten in place, and
 * the document starts again from its defaults.
 */
export async function openSmallDoc<S extends z.ZodType>(
  dataDir: string,
  name: string,
  schema: S,
  fresh: () => z.output<S>,
  readOnly: boolean,
): Promise<{ db: Low<z.output<S>>; corrupt: CorruptFile | null }> {
  type T = z.output<S>
  const path = join(dataDir, name)
  const db = new Low<T>(new DurableJsonFile<T>(path), fresh())
  let reason: string | null = null
  try {
    await db.read()
    const parsed = schema.safeParse(db.data)
    if (parsed.success) db.data = parsed.data
    else reason = `unexpected content (${describeZodError(parsed.error)})`
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error
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

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )
