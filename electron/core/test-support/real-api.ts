import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { Envelope, EventName, EventPayload, MethodName, TicklerApi } from '../../shared/contract'
import { buildApi, dispatch, type Call, type Subscribe } from '../../shared/rpc'
import { openCore, type CoreOptions } from '../open-core'

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
  host?: Partial<CoreOptions['host']>
}

export async function openRealApi(options: RealApiOptions = {}): Promise<RealApi> {
  const now = options.now ?? (() => new Date())
  const dataDir = await mkdtemp(join(tmpdir(), 'tickler-page-'))
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners.get(event) ?? []) listener(payload)
  }
  const core = await openCore(dataDir, {
    holder: 'renderer-test',
    clock: { now },
    emit,
    host: {
      version: '0.0.0-test',
      platform: 'test',
      preview: true,
      openExternal: async () => false,
      ...options.host,
    },
    // In this thread: a worker per test would only add start-up time on a loaded machine.
    search: { inline: true, persist: false, now },
  })
  const { handlers, search } = core
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
      await core.close()
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
