import { BrowserWindow, Notification, powerMonitor } from 'electron'
import { openFollowUps, type FollowUpService, type Library } from '../core/index'
import type { EventName, EventPayload } from '../shared/contract'
import { attachRechecks } from './followup-rechecks'
import { createElectronNotifier, type FollowUpAction } from './followup-notifier'
import { chooseExportFolder } from './host-files'
import { actionFromArgv, createSigner, followUpToastXml, loadSignerKey } from './toast-actions'
import { uiLanguage } from './ui-language'

export interface MainFollowUpsOptions {
  library: Library
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Bring the main window forward and, for one follow-up, open its note. */
  showNote(noteId: string | undefined): void
  /** Runs after the service opens and before its first reminder check (mail's start-up catch-up). */
  beforeStart?(service: FollowUpService): Promise<void>
}

/** Follow-ups in the app: core's scheduler with Electron notifications, resume and clock-jump re-checks. */
export async function startFollowUps(
  o: MainFollowUpsOptions,
): Promise<{ service: FollowUpService; stop(): void; handleArgv(argv: readonly string[]): boolean }> {
  // The notifier exists before the service it acts on; actions arrive only after start, via this box.
  const box: { service?: FollowUpService } = {}
  const act = (noteId: string, action: FollowUpAction) => {
    const actions = box.service?.actions
    if (!actions) return
    const run =
      action === 'done'
        ? actions.done(noteId)
        : actions.snooze(noteId, action === 'snooze-hour' ? '1h' : 'tomorrow 9am')
    run.catch((error: unknown) => console.error(`Follow-up ${action} on ${noteId} failed`, error))
  }
  const signer = createSigner(loadSignerKey(o.library.dataDir))
  const notifier = createElectronNotifier({
    create: (options) => new Notification(options),
    platform: process.platform,
    locale: uiLanguage,
    onOpen: (id) => o.showNote(id),
    onAction: act,
    toastXml: (noteId, text) => followUpToastXml(signer, noteId, text),
  })
  const service = await openFollowUps(o.library, {
    clock: { now: () => new Date() },
    notifier: Notification.isSupported() ? notifier : { show: () => undefined },
    onDue: (items) => o.emit('followup.due', { noteIds: items.map((i) => i.noteId) }),
    // Settings asks from the main window, so the dialog sits on top of it.
    chooseCalendarFolder: () =>
      chooseExportFolder(BrowserWindow.getFocusedWindow() ?? undefined, 'Folder for the follow-up calendar'),
  })
  box.service = service
  const detach = attachRechecks(powerMonitor, () => void service.recheck())
  await o.beforeStart?.(service)
  await service.start()
  return {
    service,
    /** A Windows toast button or click started or reached Tickler with a signed tickler:// link. */
    handleArgv(argv) {
      const found = actionFromArgv(signer, argv)
      if (!found) return false
      if (found.action === 'open') o.showNote(found.noteId)
      else act(found.noteId, found.action)
      return true
    },
    stop() {
      detach()
      service.stop()
    },
  }
}
