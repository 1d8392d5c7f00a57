import { readBase64 } from '../../lib/read-base64'

export interface PickedFile {
  path: string
  data: string
}

/** What import takes: Markdown, a Tickler export zip, and the pictures and files notes link to. */
export const IMPORTABLE = /\.(md|markdown|mdown|mkd|zip)$/i

/** Whether a drag carries something import understands, so other drops (text, pictures) are left alone. */
export function dragHasImportable(data: DataTransfer | null): boolean {
  if (!data || !Array.from(data.types).includes('Files')) return false
  const files = Array.from(data.files)
  // During dragover browsers hide the names; then only the drop itself can tell.
  return files.length === 0 || files.some((f) => IMPORTABLE.test(f.name))
}

/** Reads picked files (from <input type=file>, with folder paths when webkitdirectory was used). */
export async function readPicked(files: File[]): Promise<PickedFile[]> {
  const out: PickedFile[] = []
  for (const file of files)
    out.push({ path: file.webkitRelativePath || file.name, data: await readBase64(file) })
  return out
}

/** Dropped folders arrive as entries; walk them so a dropped folder imports like a picked one. */
export async function readDropped(data: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(data.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e))
  if (entries.length === 0) return readPicked(Array.from(data.files))
  const files: File[] = []
  const paths: string[] = []
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      )
      files.push(file)
      paths.push(prefix + entry.name)
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader()
      // readEntries answers in batches; an empty batch means the folder is done.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        )
        if (batch.length === 0) break
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`)
      }
    }
  }
  for (const entry of entries) await walk(entry, '')
  const out: PickedFile[] = []
  for (const [i, file] of files.entries()) out.push({ path: paths[i]!, data: await readBase64(file) })
  return out
}
