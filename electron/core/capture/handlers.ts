import { parseCapture, type CaptureReading } from '../../shared/capture/parse-capture'
import { DEFAULT_CAPTURE_SHORTCUT, type ShortcutStatus } from '../../shared/contract-capture'
import { textToDoc } from '../../shared/doc-text'
import { toZonedIso } from '../../shared/followups/zone'
import { TicklerError, type Handlers } from '../../shared/rpc'
import type { FollowUpService } from '../followups/service'
import type { Library } from '../types'
import { captureStoreFor, type CaptureStore } from './capture-settings'

export interface ClipboardContent {
  text: string
  url: string | null
  title: string | null
}

/** What only the desktop app can do for quick capture: its window, the OS clipboard and global shortcut. */
export interface CaptureHooks {
  hide(): boolean
  readClipboard(): Promise<ClipboardContent>
  shortcutStatus(): ShortcutStatus
  /** Registers first and persists only what the OS accepted. */
  setShortcut(accelerator: string | null): Promise<ShortcutStatus>
  keepInTrayChanged(on: boolean): void
}

/** Spread into HostEnv: the app passes hooks, the browser preview passes none. */
export interface CaptureHost {
  capture?: CaptureHooks
}

type CaptureHandlers = Pick<Handlers, Extract<keyof Handlers, `capture.${string}` | `settings.${string}`>>

const EMPTY = 'Type something to capture: the first line becomes the title.'

/** Without a desktop host the shortcut is only remembered; nothing can register it. */
function storedStatus(store: CaptureStore): ShortcutStatus {
  const accelerator = store.shortcut()
  return {
    accelerator,
    defaultAccelerator: DEFAULT_CAPTURE_SHORTCUT,
    state: accelerator ? 'unavailable' : 'off',
    refused: null,
  }
}

export function createCaptureHandlers(
  library: Library,
  followUps: FollowUpService,
  host: CaptureHost,
): CaptureHandlers {
  const store = () => captureStoreFor(library)
  const read = (text: string, ignoreFollowUp = false): CaptureReading =>
    parseCapture(text, {
      now: library.now(),
      timeZone: followUps.actions.timeZone(),
      ignoreFollowUp,
    })
  const isEmpty = (r: CaptureReading) => !r.title && !r.body && !r.followUp && r.tags.length === 0

  return {
    'capture.preview': ({ text, ignoreFollowUp }) => {
      const r = read(text, ignoreFollowUp)
      const zone = followUps.actions.timeZone()
      return {
        title: r.title,
        body: r.body,
        tags: r.tags,
        followUp: r.followUp && { dueAt: toZonedIso(r.followUp.dueAt, zone), phrase: r.followUp.phrase },
        ...(isEmpty(r) ? { error: EMPTY } : {}),
      }
    },
    'capture.save': async ({ text, ignoreFollowUp, notebookId }) => {
      const r = read(text, ignoreFollowUp)
      if (isEmpty(r)) throw new TicklerError('BAD_INPUT', EMPTY)
      const target = notebookId ?? (await store()).settings().notebookId
      const note = await library.createNote({
        notebookId: target,
        title: r.title,
        doc: textToDoc(r.body),
        tags: r.tags,
      })
      if (!r.followUp) return note
      // The due time read a moment ago is passed as an instant, so "in 2 hours" is not re-read later.
      return followUps.actions.set({ id: note.id, dueAt: r.followUp.dueAt.toISOString() })
    },
    'capture.hide': () => ({ hidden: host.capture?.hide() ?? false }),
    'capture.readClipboard': async () => {
      const content = await host.capture?.readClipboard()
      return content
        ? { available: true, ...content }
        : { available: false, text: '', url: null, title: null }
    },
    'capture.settings': async () => (await store()).settings(),
    'capture.updateSettings': async (patch) => {
      const settings = await (await store()).update(patch)
      if (patch.keepInTray !== undefined) host.capture?.keepInTrayChanged(settings.keepInTray)
      return settings
    },
    'settings.captureShortcut': async () => host.capture?.shortcutStatus() ?? storedStatus(await store()),
    'settings.setCaptureShortcut': async ({ accelerator }) => {
      if (host.capture) return host.capture.setShortcut(accelerator)
      const s = await store()
      await s.setShortcut(accelerator)
      return storedStatus(s)
    },
  }
}
