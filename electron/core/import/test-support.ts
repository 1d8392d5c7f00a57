import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { openLibrary } from '../library'
import { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import { runImport } from './run-import'
import type { ImportOptions, ImportProgress } from './import-types'

/** The shared public fixtures live beside the clone (../shared/fixtures from the repository root). */
export const SHARED_FIXTURES = resolve(process.cwd(), '..', 'shared', 'fixtures')
export const hasSharedFixtures = existsSync(SHARED_FIXTURES)
export const OWN_FIXTURES = resolve(process.cwd(), 'electron', 'core', 'import', 'test-fixtures')

let jobs = 0

/** Opens a library on dir and returns an import function over it, the way the app wires one. */
export async function importer(dir: string): Promise<{
  library: Library
  store: AttachmentStore
  importFile: (
    path: string,
    options?: ImportOptions,
    name?: string,
    signal?: AbortSignal,
  ) => ReturnType<typeof runImport>
  progress: ImportProgress[]
}> {
  const library = await openLibrary(dir, { holder: 'test' })
  const store = new AttachmentStore(dir)
  const progress: ImportProgress[] = []
  return {
    library,
    store,
    progress,
    importFile: (path, options = {}, name, signal = new AbortController().signal) =>
      runImport(
        { library, store: (b, n, m, w, batch) => store.add(b, n, m, w, batch), tempRoot: dir },
        {
          jobId: `job${++jobs}`,
          path,
          name: name ?? path.split(/[\\/]/).pop()!,
          options,
          signal,
          onProgress: (p) => progress.push(p),
        },
      ),
  }
}

export const fixture = (...parts: string[]) => join(SHARED_FIXTURES, ...parts)
