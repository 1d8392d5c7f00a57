import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
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
 * lowdb adapter for one JSON document, durable on write. Unlike lowdb's JSONFile (steno), it fsyncs,
 * and a file that does not parse is reported instead of being treated as empty and later overwritten.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(readonly path: string) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    try {
      return JSON.parse(text) as T
    } catch (error) {
      throw new UnreadableFileError(this.path, `not valid JSON (${(error as Error).message})`)
    }
  }

  async write(data: T): Promise<void> {
    await writeFileDurable(this.path, `${JSON.stringify(data, null, 1)}\n`)
  }
}
