import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ATTACHMENT_FILE, MAX_ATTACHMENT_BYTES } from '../../shared/domain/attachment'
import { AttachmentStore, attachmentsDirOf } from '../attachments/store'
import type { PassReport } from './engine'
import { deviceDir, writeAtomic } from './folder'

/**
 * Attachments travel as their own files: devices/<id>/attachments/<sha256>.<ext>, named by their
 * content and never changed, so a copy is either whole and right or not there yet. A device publishes
 * a library attachment no device has published yet, and takes into its library every one it lacks,
 * checking the bytes against the name (a half-copied file is simply waited for).
 */
const ATTACHMENTS = 'attachments'

const names = (dir: string) =>
  readdir(dir).then(
    (all) => all.filter((n) => ATTACHMENT_FILE.test(n)),
    () => [] as string[],
  )

export async function syncAttachments(
  dataDir: string,
  folder: string,
  me: string,
  devices: string[],
  report: PassReport,
): Promise<void> {
  const local = new Set(await names(attachmentsDirOf(dataDir)))
  const published = new Map<string, string>() // name → the device folder holding it
  for (const device of devices) {
    for (const name of await names(join(deviceDir(folder, device), ATTACHMENTS))) {
      if (!published.has(name) || device === me) published.set(name, device)
    }
  }
  for (const name of local) {
    if (published.has(name)) continue
    const bytes = await readFile(join(attachmentsDirOf(dataDir), name))
    await writeAtomic(folder, me, `${ATTACHMENTS}/${name}`, bytes)
  }
  const store = new AttachmentStore(dataDir)
  for (const [name, device] of published) {
    if (local.has(name)) continue
    const path = join(deviceDir(folder, device), ATTACHMENTS, name)
    const file = `${device}/${ATTACHMENTS}/${name}`
    try {
      if ((await stat(path)).size > MAX_ATTACHMENT_BYTES) {
        report.problems.push({ file, reason: 'too-large', detail: 'larger than an attachment may be' })
        continue
      }
      const bytes = await readFile(path)
      if (createHash('sha256').update(bytes).digest('hex') !== name.slice(0, 64)) {
        report.waiting++ // still being copied (or damaged in transit: the next copy replaces it)
        continue
      }
      await store.add(bytes, name, '')
    } catch (error) {
      report.problems.push({ file, reason: 'gone', detail: (error as Error).message.slice(0, 500) })
    }
  }
}
