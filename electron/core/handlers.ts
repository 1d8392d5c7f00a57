import { createSavedSearchHandlers } from './saved-searches'
import type { LanguageChoice } from '../shared/language'
import { DOC_LIMITS } from '../shared/model'
import type { Handlers } from '../shared/rpc'
import type { Library } from './types'
import { pageOf } from './note-pages'
import { createAttachmentHandlers, type AttachmentHost } from './attachments/handlers'
import { createTransferHandlers, type TransferHost } from './transfer/handlers'
import { createBoardHandlers } from './boards/handlers'
import { createCaptureHandlers, type CaptureHost } from './capture/handlers'
import { createFollowUpHandlers } from './followups/handlers'
import { ImportJobs } from './transfer/import/jobs'
import { createLibraryHandlers } from './library-handlers'
import { createLinkHandlers } from './links/handlers'
import type { FollowUpService } from './followups/service'
import { createSearchHandlers } from './search/handlers'
import type { SearchService } from './search/service'
import { createMailHandlers, type MailHost } from './mail/handlers'
import type { MailService } from './mail/service'
import { createSyncHandlers, type SyncHost } from './sync/handlers'
import type { SyncService } from './sync/service'

export interface HostEnv extends AttachmentHost, TransferHost, CaptureHost, MailHost, SyncHost {
  version: string
  platform: string
  preview: boolean
  /** Opens a URL the user clicked; each host decides how (OS browser in Electron, refused in the preview). */
  openExternal(url: string): Promise<boolean>
  /** The host's import jobs, when it relays their progress (main, preview); else a silent set. */
  imports?: ImportJobs
  /** Called after the user picked another language in Settings, for the host's own menus and windows. */
  languageChanged?(language: LanguageChoice): void
}

/** The contract's methods implemented over one library; every transport dispatches into this table. */
export function createHandlers(
  library: Library,
  env: HostEnv,
  followUps: FollowUpService,
  search: SearchService,
  mail: MailService,
  /** Its stores are the ones the board and saved-search methods write through (one writer per file). */
  sync: SyncService,
): Handlers {
  const boards = createBoardHandlers(library, followUps, sync.stores.boards)
  const imports = env.imports ?? new ImportJobs(library)
  // Imported boards go through the same board store the boards.* methods hold open.
  imports.useBoards(
    async (name, columns, labelColors) => boards['boards.create']({ name, columns, labelColors }),
    async (id) => void (await boards['boards.delete']({ id })),
  )
  return {
    // Only hosts that close windows (Electron main) wait for this; elsewhere there is nothing to release.
    'app.flushed': () => ({}),
    'app.info': () => ({
      version: env.version,
      dataDir: library.dataDir,
      platform: env.platform,
      preview: env.preview,
    }),
    'notes.list': (input) => library.listNotes(input),
    'notes.page': ({ after, limit }) => pageOf(library.listNotes(), after, limit),
    'notes.get': ({ id }) => library.getNote(id),
    'notes.create': (input) => library.createNote(input),
    'notes.update': ({ id, ...patch }) => library.updateNote(id, patch),
    'notes.limits': () => ({ ...DOC_LIMITS }),
    'notebooks.list': () => library.listNotebooks(),
    'notebooks.create': ({ name }) => library.createNotebook(name),
    'shell.openExternal': async ({ url }) => ({ opened: await env.openExternal(url) }),
    ...createFollowUpHandlers(followUps),
    ...createCaptureHandlers(library, followUps, env),
    ...createLibraryHandlers(library),
    ...createSearchHandlers(search),
    ...createSavedSearchHandlers(library, sync.stores.searches),
    ...createAttachmentHandlers(library.dataDir, env),
    ...createTransferHandlers(library, env, imports),
    ...boards,
    ...createLinkHandlers(library),
    'language.get': () => ({ language: followUps.settings.language() }),
    'language.set': async ({ language }) => {
      await followUps.settings.setLanguage(language)
      env.languageChanged?.(language)
      return { language }
    },
    ...createMailHandlers(mail, library, env),
    ...createSyncHandlers(sync, env),
  }
}
