import { randomBytes } from 'node:crypto'
import { mkdir, open, rm, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { TicklerError } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import type { Library } from '../types'
import type { ImportOptions, ImportProgress, ImportSummary } from './import-types'
import { allImportLogs } from './import-log'
import type { InterruptedImport } from './recover'
import { runImport, type ImportDeps } from './run-import'

interface Upload {
  name: string
  path: string
  /** Bytes declared at begin; an upload is complete when this many have arrived. */
  size: number
  received: number
  /** A temp file this job owns (removed at the end), or a file the user picked (never removed). */
  owned: boolean
  running: AbortController | null
}

/**
 * Import jobs for one library. Files reach core either as chunks uploaded by the page into a temp file
 * or as a path main got from its own file dialog; from then on both take the same path through runImport.
 */
export class ImportJobs {
  private readonly uploads = new Map<string, Upload>()
  private readonly dir: string
  /** Uploads left by a crash are removed once, before the first new one. */
  private readonly ready: Promise<unknown>
  private createBoard: ImportDeps['createBoard']
  private removeBoard: ImportDeps['removeBoard']

  constructor(
    private readonly library: Library,
    private readonly emit: (progress: ImportProgress) => void = () => undefined,
  ) {
    this.dir = join(library.dataDir, 'cache', 'import')
    this.ready = rm(this.dir, { recursive: true, force: true }).catch(() => undefined)
  }

  /** Imported boards go through the board store the host already holds open (one writer per file). */
  useBoards(
    create: NonNullable<ImportDeps['createBoard']>,
    remove: NonNullable<ImportDeps['removeBoard']>,
  ): void {
    this.createBoard = create
    this.removeBoard = remove
  }

  async begin(name: string, size: number): Promise<string> {
    await this.ready
    await mkdir(this.dir, { recursive: true })
    const id = randomBytes(12).toString('hex')
    const path = join(this.dir, `upload-${id}`)
    await (await open(path, 'w', 0o600)).close()
    this.uploads.set(id, { name: basename(name), path, size, received: 0, owned: true, running: null })
    return id
  }

  async chunk(id: string, offset: number, data: Buffer): Promise<number> {
    const upload = this.get(id)
    if (!upload.owned || upload.running)
      throw new TicklerError('BAD_INPUT', 'This upload is not accepting data.')
    if (offset !== upload.received) {
      throw new TicklerError(
        'BAD_INPUT',
        `Expected the chunk at byte ${upload.received}, got one at ${offset}.`,
      )
    }
    if (upload.received + data.length > upload.size)
      throw new TicklerError('BAD_INPUT', 'The upload is larger than it said it would be.')
    const handle = await open(upload.path, 'a')
    try {
      await handle.write(data)
    } finally {
      await handle.close()
    }
    upload.received += data.length
    return upload.received
  }

  /** A file the user picked in main's dialog: imported in place, never deleted. */
  async registerPath(path: string): Promise<{ uploadId: string; name: string }> {
    const { size } = await stat(path)
    const id = randomBytes(12).toString('hex')
    const name = basename(path)
    this.uploads.set(id, { name, path, size, received: size, owned: false, running: null })
    return { uploadId: id, name }
  }

  async start(id: string, options: ImportOptions): Promise<ImportSummary> {
    const upload = this.get(id)
    if (upload.running) throw new TicklerError('CONFLICT', `"${upload.name}" is already being imported.`)
    if (upload.received !== upload.size) {
      throw new TicklerError(
        'BAD_INPUT',
        `"${upload.name}" arrived incomplete (${upload.received} of ${upload.size} bytes).`,
      )
    }
    upload.running = new AbortController()
    const store = new AttachmentStore(this.library.dataDir)
    try {
      await this.ready
      await mkdir(this.dir, { recursive: true })
      const summary = await runImport(
        {
          library: this.library,
          store: (b, n, m, w, batch) => store.add(b, n, m, w, batch),
          tempRoot: this.dir,
          createBoard: this.createBoard,
          removeBoard: this.removeBoard,
        },
        {
          jobId: id,
          path: upload.path,
          name: upload.name,
          options,
          signal: upload.running.signal,
          onProgress: this.emit,
        },
      )
      // Kept while the user decides whether to import a second time; otherwise done with.
      if (summary.status !== 'already-imported') await this.discard(id)
      return summary
    } finally {
      upload.running = null
    }
  }

  cancel(id: string): boolean {
    const upload = this.uploads.get(id)
    upload?.running?.abort()
    return Boolean(upload?.running)
  }

  async discard(id: string): Promise<boolean> {
    const upload = this.uploads.get(id)
    if (!upload || upload.running) return false
    this.uploads.delete(id)
    if (upload.owned) await rm(upload.path, { force: true })
    return true
  }

  /** What open found of imports a crash stopped; a resumable one only while it is still unfinished. */
  async interrupted(): Promise<InterruptedImport[]> {
    const unfinished = new Set((await allImportLogs(this.library.dataDir)).map((l) => l.state?.last.name))
    return this.library.report.imports.filter((i) => i.outcome !== 'resumable' || unfinished.has(i.file))
  }

  private get(id: string): Upload {
    const upload = this.uploads.get(id)
    if (!upload)
      throw new TicklerError('NOT_FOUND', 'That upload is unknown or already finished; pick the file again.')
    return upload
  }
}
