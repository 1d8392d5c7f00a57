import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { dispatch, type Handlers } from '../../shared/rpc'
import { AttachmentStore } from '../attachments/store'
import { openLibrary } from '../library'
import { importFiles } from '../transfer/import'
import { createTransferHandlers } from '../transfer/handlers'
import { readImportPath } from '../transfer/read-paths'
import { deflated, deflatedZeros, writeDeflatedZip } from './deflated-zip'

export type ZipImportWay = 'cli' | 'preview'

export interface ZipImportMeasure {
  way: ZipImportWay
  /** 'lying' when the zip's directory claims 1000 bytes per bomb file, so only unpacking can catch it. */
  directory?: 'honest' | 'lying'
  /** The process's peak resident memory (getrusage), start-up included: no spike between samples hides. */
  peakRssMB: number
  importS: number
  outcome: string
}

export interface ZipBombResult {
  zipMB: number
  unpacksToGB: number
  buildS: number
  runs: ZipImportMeasure[]
}

/**
 * Imports a zip in this process the way one host does: `tickler import` (the file read from disk) or the
 * preview's transfer.import (base64 through the contract). Run in a fresh process by runZipBombBench.
 */
export async function measureZipImport(zipPath: string, way: ZipImportWay): Promise<ZipImportMeasure> {
  const dir = await mkdtemp(join(tmpdir(), 'tickler-zip-import-'))
  try {
    const library = await openLibrary(dir, { holder: 'bench' })
    const t0 = performance.now()
    let outcome: string
    if (way === 'cli') {
      const store = new AttachmentStore(library.dataDir)
      outcome = await importFiles(library, store, await readImportPath(zipPath)).then(
        (r) => JSON.stringify(r).slice(0, 400),
        (e: unknown) => `refused: ${(e as Error).message}`,
      )
    } else {
      const handlers = createTransferHandlers(library, {}) as Partial<Handlers> as Handlers
      const data = (await readFile(zipPath)).toString('base64')
      const answer = await dispatch(handlers, 'transfer.import', { files: [{ path: 'bomb.zip', data }] })
      outcome = answer.ok ? JSON.stringify(answer.value).slice(0, 400) : `refused: ${answer.error.message}`
    }
    const importS = Math.round((performance.now() - t0) / 100) / 10
    await library.close()
    return { way, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), importS, outcome }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Builds a zip of `gb` gigabytes of zeros in three files (a note's picture, a Markdown file it links to and
 * one nothing links to) beside one small note, then imports it both ways, with its directory honest and
 * with it lying about the sizes, each in a process of its own
 * (`cli` re-runs this CLI with --zip-bomb-file), so each peak is that import's alone.
 */
export async function runZipBombBench(
  gb: number,
  cli: { node: string; args: string[] },
  log: (line: string) => void = () => undefined,
): Promise<ZipBombResult> {
  const dir = await mkdtemp(join(tmpdir(), 'tickler-zip-bomb-'))
  try {
    const t0 = performance.now()
    const third = Math.floor((gb * 1024 ** 3) / 3)
    log(`Packing ${gb} GB of zeros…`)
    const files = [deflated('bomb/index.md', Buffer.from('# Open me\n\n![chart](chart.png)\n\nSee [the log](log.md).\n'))]
    for (const path of ['bomb/chart.png', 'bomb/log.md', 'bomb/unused.bin']) files.push(await deflatedZeros(path, third))
    const zip = writeDeflatedZip(files)
    // The same bytes with a directory that understates every size: refusing from the directory is not enough.
    const lying = writeDeflatedZip(files.map((f, i) => (i === 0 ? f : { ...f, size: 1000 })))
    const zipPaths = { honest: join(dir, 'bomb.zip'), lying: join(dir, 'lying', 'bomb.zip') }
    await writeFile(zipPaths.honest, zip)
    await mkdir(join(dir, 'lying'))
    await writeFile(zipPaths.lying, lying)
    const buildS = Math.round((performance.now() - t0) / 100) / 10
    const runs: ZipImportMeasure[] = []
    for (const directory of ['honest', 'lying'] as const) {
      for (const way of ['cli', 'preview'] as const) {
        log(`Importing it (${way}, ${directory} directory) in a process of its own…`)
        const { stdout } = await promisify(execFile)(
          cli.node,
          [...cli.args, 'bench', '--zip-bomb-file', zipPaths[directory], '--via', way, '--json'],
          { maxBuffer: 1024 * 1024 },
        )
        runs.push({ ...(JSON.parse(stdout) as ZipImportMeasure), directory })
      }
    }
    return {
      zipMB: Math.round((zip.length / 1024 ** 2) * 10) / 10,
      unpacksToGB: Math.round((files.reduce((n, f) => n + f.size, 0) / 1024 ** 3) * 100) / 100,
      buildS,
      runs,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
