import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot } from '../preview/build-renderer'

/**
 * The electron package (45+) downloads its binary lazily the first time it is required, so it is
 * never required here: the binary counts as present only when path.txt and the file it names exist.
 */
export function electronBinary(): string | undefined {
  const pkg = join(repoRoot, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

export const electronMissingReason =
  'Electron binary not present: node_modules/electron/path.txt or its dist folder is missing ' +
  '(the electron package downloads it lazily on first run; these specs never trigger that download)'
