import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  changedEvent,
  createHandlers,
  createSearch,
  openFollowUps,
  openLibrary,
  RecordingNotifier,
} from '../../electron/core/index'
import { ImportJobs } from '../../electron/core/import/jobs'
import { MailService } from '../../electron/core/mail/service'
import { MemorySecrets } from '../../electron/core/mail/secrets'
import type { EventName } from '../../electron/shared/contract'
import { repoRoot } from './build-renderer'
import type { PreviewBackend } from './preview-server'
import { TestClock } from './test-clock'

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }

/**
 * The real core over a data folder, exactly as the app's main process would open it — except the clock,
 * which tests can move, and notifications, which are recorded instead of shown.
 */
export async function openCoreBackend(dataDir: string): Promise<PreviewBackend> {
  const clock = new TestClock()
  const library = await openLibrary(dataDir, { holder: 'preview', now: () => clock.now() })
  const listeners = new Set<(event: EventName, payload: unknown) => void>()
  const notifier = new RecordingNotifier()
  const followUps = await openFollowUps(library, {
    clock,
    notifier,
    onDue: (items) => listeners.forEach((l) => l('followup.due', { noteIds: items.map((i) => i.noteId) })),
  })
  const search = createSearch(library)
  // Passwords typed in the preview's Settings live in memory only: it has no OS keychain.
  const mail = await MailService.open({
    library,
    settings: followUps.settings,
    secrets: new MemorySecrets(),
    now: () => clock.now(),
    onChange: (accountId) => listeners.forEach((l) => l('mail.changed', { accountId })),
  })
  const handlers = createHandlers(
    library,
    {
      version,
      platform: process.platform,
      preview: true,
      // A browser tab opening OS windows from a test server would be surprising; report it as not opened.
      openExternal: async () => false,
      imports: new ImportJobs(library, (progress) => listeners.forEach((l) => l('import.progress', progress))),
      languageChanged: (language) => listeners.forEach((l) => l('language.changed', { language })),
    },
    followUps,
    search,
    mail,
  )
  mail.start()
  await followUps.start()
  const offChange = library.onChange((change) => listeners.forEach((l) => l('library.changed', changedEvent(change))))
  return {
    handlers,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    testing: { clock, notifications: () => notifier.shown, recheck: () => followUps.recheck() },
    close: async () => {
      offChange()
      await mail.stop()
      followUps.stop()
      await search.close()
      await library.close()
    },
  }
}
