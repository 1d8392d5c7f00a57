import { createHash } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import type { Low } from 'lowdb'
import { z } from 'zod'
import { openSmallDoc } from '../../small-doc'

const FIRST_BYTES = 1024 * 1024

/**
 * A file's identity for "imported before?": SHA-256 of its first megabyte, its size and its name. Hashing
 * a several-gigabyte export whole would cost a minute before anything starts; these three together still
 * tell a re-export with new notes (different size) from the same file picked again.
 */
export async function fingerprintOf(path: string, name: string): Promise<string> {
  const { size } = await stat(path)
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(Math.min(FIRST_BYTES, size))
    await handle.read(buffer, 0, buffer.length, 0)
    return createHash('sha256').update(buffer).update(`\0${size}\0${name}`).digest('hex')
  } finally {
    await handle.close()
  }
}

const ImportsDoc = z.object({
  schemaVersion: z.literal(1),
  files: z.array(
    z.object({ fingerprint: z.string(), name: z.string(), at: z.string(), notes: z.number().int() }),
  ),
})
type ImportsDoc = z.infer<typeof ImportsDoc>

/** imports.json: which files were imported and when, so a second import of the same one can ask first. */
export class ImportRecord {
  private constructor(private readonly db: Low<ImportsDoc>) {}

  static async open(dataDir: string): Promise<ImportRecord> {
    const fresh = (): ImportsDoc => ({ schemaVersion: 1, files: [] })
    const { db } = await openSmallDoc(dataDir, 'imports.json', ImportsDoc, fresh, false)
    return new ImportRecord(db)
  }

  find(fingerprint: string): ImportsDoc['files'][number] | undefined {
    return this.db.data.files.find((f) => f.fingerprint === fingerprint)
  }

  async add(entry: ImportsDoc['files'][number]): Promise<void> {
    this.db.data.files = [...this.db.data.files.filter((f) => f.fingerprint !== entry.fingerprint), entry]
    await this.db.write()
  }
}
