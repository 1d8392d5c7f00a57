import * as Y from 'yjs'
import type { DocSet } from './doc-set'
import type { PassReport } from './engine'
import { readPack, type PackFile } from './folder'
import { decodePack } from './packs'
import { fileKey } from './read-plan'

/**
 * Applies folder files to the docs (Yjs merges; applying one twice changes nothing) and returns the
 * guids they held. A file that does not read is reported and left for the next pass — never fatal,
 * never removed: still arriving (incomplete, gone), from a newer Tickler, or not of this library.
 */
export async function applyFiles(
  libraryId: string,
  set: DocSet,
  files: PackFile[],
  report: PassReport,
  appliedNow: string[],
): Promise<Set<string>> {
  const guids = new Set<string>()
  for (const f of files) {
    const problem = (reason: string, detail: string) =>
      report.problems.push({ file: fileKey(f), reason, detail: detail.slice(0, 500) })
    const read = await readPack(f.path)
    if (!read.ok) {
      if (read.reason === 'incomplete' || read.reason === 'gone') report.waiting++
      problem(read.reason, 'detail' in read ? read.detail : `format ${read.format}: needs a newer Tickler`)
      continue
    }
    try {
      const { header, entries } = decodePack(read.payload)
      if (header.libraryId !== libraryId || header.device !== f.device || header.seq !== f.seq) {
        problem('foreign', 'this file belongs to another library or was renamed')
        continue
      }
      for (const e of entries) {
        Y.applyUpdate(await set.getOrNew(e.guid), e.update, 'remote')
        set.touched.add(e.guid)
        guids.add(e.guid)
      }
      appliedNow.push(fileKey(f))
      report.received++
    } catch (error) {
      problem('foreign', (error as Error).message)
    }
  }
  return guids
}
