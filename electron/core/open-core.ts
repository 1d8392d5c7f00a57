import type { EventName, EventPayload } from '../shared/contract'
import type { Handlers } from '../shared/rpc'
import { changedEvent } from './change-event'
import { RecordingNotifier, type Clock } from './followups/scheduler'
import { openFollowUps, type FollowUpService } from './followups/service'
import { createHandlers, type HostEnv } from './handlers'
import { openLibrary } from './library'
import { MemorySecrets } from './mail/secrets'
import { MailService } from './mail/service'
import { createSearch, type SearchOptions, type SearchService } from './search/service'
import { ImportJobs } from './transfer/import/jobs'
import type { Library } from './types'
import { createHostSync } from './sync/host-sync'

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export interface CoreOptions {
  /** Who holds the library's lock ('preview', 'renderer-test'). */
  holder: string
  clock: Clock
  /** Where core's events go: the page's subscriptions. */
  emit: Emit
  /** What the host does with the OS; imports and language changes are wired here. */
  host: Omit<HostEnv, 'imports' | 'languageChanged'>
  search?: SearchOptions
  notifier?: RecordingNotifier
}

export interface Core {
  library: Library
  followUps: FollowUpService
  search: SearchService
  mail: MailService
  handlers: Handlers
  close(): Promise<void>
}

/**
 * Core over one data folder with every service the contract needs, its events sent through `emit`:
 * what the browser preview serves and what renderer tests run against, so both open core the one way.
 * Follow-up deliveries are recorded, not shown, and mail passwords live in memory (no OS keychain).
 */
export async function openCore(dataDir: string, o: CoreOptions): Promise<Core> {
  const now = () => o.clock.now()
  const library = await openLibrary(dataDir, { holder: o.holder, now })
  const followUps = await openFollowUps(library, {
    clock: o.clock,
    notifier: o.notifier ?? new RecordingNotifier(),
    onDue: (items) => o.emit('followup.due', { noteIds: items.map((i) => i.noteId) }),
  })
  const search = createSearch(library, o.search)
  const mail = await MailService.open({
    library,
    settings: followUps.settings,
    secrets: new MemorySecrets(),
    now,
    onChange: (accountId) => o.emit('mail.changed', { accountId }),
  })
  const sync = createHostSync(library, followUps.settings, o.emit)
  const handlers = createHandlers(
    library,
    {
      ...o.host,
      imports: new ImportJobs(library, (progress) => o.emit('transfer.importProgress', progress)),
      languageChanged: (language) => o.emit('language.changed', { language }),
    },
    followUps,
    search,
    mail,
    sync,
  )
  await sync.start()
  const offChange = library.onChange((change) => o.emit('library.changed', changedEvent(change)))
  return {
    library,
    followUps,
    search,
    mail,
    handlers,
    close: async () => {
      offChange()
      await sync.close()
      await mail.stop()
      followUps.stop()
      await search.close()
      await library.close()
    },
  }
}
