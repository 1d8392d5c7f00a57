import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { bundleChild } from './bundle-child'

/** An Evernote export of `count` notes, each with a picture of its own (so a rollback has files to remove). */
export function writeBigEnex(path: string, count: number): string {
  const notes = Array.from({ length: count }, (_, i) => {
    const bytes = Buffer.alloc(600, i % 251)
    const md5 = createHash('md5').update(bytes).digest('hex')
    return `<note><title>Note ${i}</title><created>20240101T000000Z</created><content><![CDATA[<en-note><div>body ${i}</div><en-media type="image/png" hash="${md5}"/></en-note>]]></content><resource><data encoding="base64">${bytes.toString('base64')}</data><mime>image/png</mime><resource-attributes><file-name>p${i}.png</file-name></resource-attributes></resource></note>`
  })
  writeFileSync(
    path,
    `<?xml version="1.0" encoding="UTF-8"?>\n<en-export>\n${notes.join('\n')}\n</en-export>\n`,
  )
  return path
}

/** Bundles the child that imports a file into a library and reports each note, so a test can kill it. */
export const importCrashChild = (outDir: string) => bundleChild('import-crash-child.ts', outDir)

/**
 * Imports `enex` (as "big.enex") into the library at `dir` in a child process that SIGKILLs itself as a
 * batch begins with at least `after` notes committed: a crash, not a cancel. With `crash`, it kills itself
 * at that point instead (pass Infinity as `after`). Resolves with what the child printed.
 */
export function importUntilKilled(
  childScript: string,
  dir: string,
  enex: string,
  onFault: 'keep' | 'rollback',
  after: number,
  crash?: 'mid-batch',
): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [childScript, dir, enex, onFault, String(after), ...(crash ? [crash] : [])]
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(out)
        : reject(new Error(`the import ended by itself: ${out.slice(-500)} ${stderr}`)),
    )
  })
}
