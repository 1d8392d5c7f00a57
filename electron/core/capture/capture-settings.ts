import { z } from 'zod'
import { Accelerator, DEFAULT_CAPTURE_SHORTCUT, type CaptureSettings } from '../../shared/contract-capture'
import { INBOX_ID, NotebookId } from '../../shared/model'
import { TicklerError } from '../../shared/rpc'
import { changeSmallDoc, openSmallDoc } from '../small-doc'
import type { CorruptFile, Library } from '../types'

export const CAPTURE_SCHEMA_VERSION = 1

/**
 * capture.json: quick capture's own small document rather than fields in settings.json, so the two
 * features can change their documents (and migrate them) independently.
 */
const CaptureDoc = z.object({
  schemaVersion: z.literal(CAPTURE_SCHEMA_VERSION),
  /** null: the user turned the global shortcut off. */
  shortcut: Accelerator.nullable(),
  notebookId: NotebookId,
  keepInTray: z.boolean(),
})
type CaptureDoc = z.infer<typeof CaptureDoc>

const fresh = (): CaptureDoc => ({
  schemaVersion: CAPTURE_SCHEMA_VERSION,
  shortcut: DEFAULT_CAPTURE_SHORTCUT,
  notebookId: INBOX_ID,
  // Off by default: closing the last window quitting the app is what people expect until they opt in.
  keepInTray: false,
})

export interface CaptureStore {
  readonly corrupt: CorruptFile | null
  shortcut(): string | null
  setShortcut(accelerator: string | null): Promise<void>
  settings(): CaptureSettings
  update(patch: Partial<CaptureSettings>): Promise<CaptureSettings>
}

async function openCaptureStore(library: Library): Promise<CaptureStore> {
  const { db, corrupt } = await openSmallDoc(library.dataDir, 'capture.json', CaptureDoc, fresh, false)
  // Opened writable, as its openSmallDoc above: capture runs only in the app, which holds the writer lock.
  const save = (change: (doc: CaptureDoc) => void) => changeSmallDoc(db, false, change)
  const settings = (): CaptureSettings => {
    // A notebook removed since it was chosen: captures go to the Inbox rather than failing.
    const known = library.listNotebooks().some((n) => n.id === db.data.notebookId)
    return { notebookId: known ? db.data.notebookId : INBOX_ID, keepInTray: db.data.keepInTray }
  }
  return {
    corrupt,
    shortcut: () => db.data.shortcut,
    setShortcut: (accelerator) => save((doc) => void (doc.shortcut = accelerator)),
    settings,
    async update(patch) {
      if (patch.notebookId && !library.listNotebooks().some((n) => n.id === patch.notebookId)) {
        throw new TicklerError('NOT_FOUND', `There is no notebook "${patch.notebookId}".`)
      }
      await save((doc) => Object.assign(doc, patch))
      return settings()
    },
  }
}

const stores = new WeakMap<Library, Promise<CaptureStore>>()

/** One store per open library, shared by the handlers and main's shortcut and tray set-up. */
export function captureStoreFor(library: Library): Promise<CaptureStore> {
  let store = stores.get(library)
  if (!store) {
    store = openCaptureStore(library)
    stores.set(library, store)
    // A failed open is not cached, so the next call tries again instead of failing forever.
    store.catch(() => stores.delete(library))
  }
  return store
}
