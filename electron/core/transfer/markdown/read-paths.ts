import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { ZipEntry } from '../zip/zip'

/**
 * A picked file, or every file under a picked folder, with paths relative to what was picked (the folder's
 * own name first), which is what import resolves a note's relative links against.
 */
export async function readImportPath(path: string): Promise<ZipEntry[]> {
  const info = await stat(path)
  if (!info.isDirectory()) return [{ path: basename(path), data: await readFile(path) }]
  const files: ZipEntry[] = []
  for (const name of await readdir(path, { recursive: true })) {
    const full = join(path, name)
    if ((await stat(full)).isFile())
      files.push({ path: `${basename(path)}/${relative(path, full)}`, data: await readFile(full) })
  }
  return files
}
