import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Envelope, EventName, EventPayload, MethodName, TicklerApi } from '../../shared/contract'
import { buildApi, dispatch, type Call, type Subscribe } from '../../shared/rpc'
import { changedEvent } from '../change-event'
import { RecordingNotifier } from '../followups/scheduler'
import { openFollowUps } from '../followups/service'
import { createHandlers, type HostEnv } from '../handlers'
import { ImportJobs } from '../transfer/import/jobs'
import { openLibrary } from '../library'
import { MemorySecrets } from '../mail/secrets'
import { MailService } from '../mail/service'
import { createSearch } from '../search/service'

/**
 * window.tickler for renderer tests, answered by the real core: buildApi over dispatch(createHandlers(...))
 * on a library in a fresh temporary folder, as the browser preview serves it. Nothing here restates a
 * rule of core; a test that needs a failure wraps one method of `api` (vi.spyOn) instead.
 */
export interface RealApi {
  api: TicklerApi
  /** Every call the page made, in order, as it crossed the transport. */
  calls: { method: MethodName; input: unknown }[]
  /** Sends an event as the host would (main's menus and windows: note.open, note.new, app.flush…). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  dataDir: string
  close(): Promise<void>
}

export interface RealApiOptions {
  /** The clock core reads: fixed when given (follow-up tests), else the real time. */
  now?: () => Date
  /** What the host does with the OS (show a file in its folder, which addresses may be fetched…). */
  host?: Partial<HostEnv>
}

export async function openRealApi(options: RealApiOptions = {}): Promise<RealApi> {
  const now = options.now ?? (() => new Date())
  const dataDir = await mkdtemp(join(tmpdir(), 'tickler-page-'))
  const library = await openLibrary(dataDir, { holder: 'renderer-test', now })
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  // Core's events reach the page as the preview relays them (see e2e/preview/core-backend.ts).
  const followUps = await openFollowUps(library, {
    clock: { now },
    notifier: new RecordingNotifier(),
    onDue: (items) => emit('followup.due', { noteIds: items.map((i) => i.noteId) }),
  })
  // In this thread: a worker per test would only add start-up time on a loaded machine.
  const search = createSearch(library, { inline: true, persist: false, now })
  const mail = await MailService.open({
    library,
    settings: followUps.settings,
    secrets: new MemorySecrets(),
    now,
    onChange: (accountId) => emit('mail.changed', { accountId }),
  })
  const handlers = createHandlers(
    library,
    {
      version: '0.0.0-test',
      platform: 'test',
      preview: true,
      openExternal: async () => false,
      imports: new ImportJobs(library, (progress) => emit('transfer.importProgress', progress)),
      languageChanged: (language) => emit('language.changed', { language }),
      ...options.host,
    },
    followUps,
    search,
    mail,
  )
  const offChange = library.onChange((change) => emit('library.changed', changedEvent(change)))
  const calls: RealApi['calls'] = []
  // JSON both ways, as the preview's HTTP transport does: the page never shares objects with core.
  const call: Call = async (method, input) => {
    calls.push({ method, input: structuredClone(input) })
    return JSON.parse(
      JSON.stringify(await dispatch(handlers, method, JSON.parse(JSON.stringify(input)))),
    ) as Envelope
  }
  const subscribe: Subscribe = (event, handler) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    const listener = handler as (payload: unknown) => void
    set.add(listener)
    return () => void set.delete(listener)
  }
  await search.ready
  return {
    api: buildApi(call, subscribe),
    calls,
    emit,
    dataDir,
    close: async () => {
      offChange()
      followUps.stop()
      await mail.stop()
      await search.close()
      await library.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

/** Opens a real api per call, each on its own folder, all closed and removed after the test. */
export function realApiPerTest(): (options?: RealApiOptions) => Promise<RealApi> {
  const open: RealApi[] = []
  afterEach(async () => {
    for (const real of open.splice(0)) await real.close()
  })
  return async (options) => {
    const real = await openRealApi(options)
    open.push(real)
    return real
  }
}
