import { rm } from 'node:fs/promises'
import type { SyncStatus } from '../../shared/contract-sync'
import { TicklerError } from '../../shared/rpc'
import { realTimers, type Timers } from '../followups/scheduler'
import type { Library } from '../types'
import type { SyncEngine } from './engine'
import { startSync } from './session'
import { loadState, saveState, syncDirOf, type SyncState } from './state'
import { statusOf, problemOf, type PassProblem } from './status'
import type { StoreChange, SyncStores } from './stores'
import { localChangesWaiting } from './waiting'
import { watchFolder, type WatchFolder } from './watch'

export interface SyncServiceOptions {
  library: Library
  /** The host's open stores; the service adds their `changed` callback. */
  stores: Omit<SyncStores, 'changed'>
  timers?: Timers
  /** How long after a local change (or a file arriving) the pass waits for more. */
  debounceMs?: number
  /** How often the folder is looked at when it cannot be watched; idle, the CPU wakes only this often. */
  pollMs?: number
  /** Even a watched folder is looked at this often: some sync tools write without a change event. */
  watchedPollMs?: number
  /** The first wait after a failed pass; it doubles each time, up to maxRetryMs. */
  retryMs?: number
  maxRetryMs?: number
  watch?: WatchFolder
  compactAfter?: number
  onStatus?: (status: SyncStatus) => void
  onStores?: (stores: StoreChange[]) => void
}

/**
 * Sync inside the app: one pass at a time over the engine, on start, a few seconds after local
 * changes, when the folder changes, and again with back-off after a problem. A pass never blocks local
 * work (the library's write queue takes its writes between the user's), and a failure is a status,
 * never a crash.
 */
export class SyncService {
  private readonly lib: Library
  /** The host's stores, shared with its handlers (sync and the user write the same objects). */
  readonly stores: SyncStores
  private readonly timers: Timers
  private readonly debounceMs: number
  private engine: SyncEngine | null = null
  /** The recorded state when the engine could not be started (its folder is gone): still shown. */
  private known: SyncState | null = null
  private timer: unknown = null
  private timerAt = Infinity
  private running: Promise<void> | null = null
  private again = false
  private closed = false
  private failures = 0
  private error: PassProblem | null = null
  private retryAt: Date | null = null
  private unwatch: (() => void) | null = null
  private localChanges = 0
  private readonly pending = new Set<string>()
  private readonly received = new Set<StoreChange>()
  /** Unsubscribes from the library's and the stores' changes. */
  private readonly off: (() => void)[] = []

  constructor(private readonly o: SyncServiceOptions) {
    this.lib = o.library
    this.timers = o.timers ?? realTimers
    this.debounceMs = o.debounceMs ?? 2000
    this.stores = { ...o.stores, changed: (what) => this.received.add(what) }
  }

  /** Starts syncing when this library was set up before; otherwise waits for setUp. */
  async start(): Promise<void> {
    if (!this.off.length) {
      // However a board, saved search or standard was written (a handler, an import), it goes out too.
      const wrote = () => this.localChanged([])
      const boards = await this.stores.boards().catch(() => null) // a board store that failed says so itself
      this.off.push(
        this.lib.onChange((change) => this.localChanged([...change.noteIds, ...change.removed])),
        this.stores.searches.onWrite(wrote),
        this.stores.settings.onWrite(wrote),
        ...(boards ? [boards.onWrite(wrote)] : []),
      )
    }
    this.known = await loadState(this.lib.dataDir)
    if (!this.known) return
    // Changes saved while the app was closed and not yet out; after a pass it is what the pass left.
    this.localChanges = localChangesWaiting(this.lib)
    this.schedule(0)
  }

  status(): SyncStatus {
    const state = this.engine?.state ?? this.known
    return statusOf(state, {
      running: this.running !== null,
      error: this.error,
      retryAt: this.retryAt,
      localChanges: this.localChanges + this.pending.size,
    })
  }

  /** Joins `folder` (chosen by the host) as this device and runs the first pass before answering. */
  setUp(folder: string, deviceName: string, merge: boolean): Promise<SyncStatus> {
    return this.exclusive(async () => {
      if (this.engine || this.known) {
        throw new TicklerError(
          'CONFLICT',
          'This library already syncs; stop syncing first to choose another folder.',
        )
      }
      const engine = await startSync(this.lib, this.stores, { folder, deviceName, merge, ...this.tuning() })
      try {
        await engine.pass()
      } catch (error) {
        // Refused (another library, a newer Tickler) or the folder failed: nothing is recorded as joined.
        engine.close()
        await rm(syncDirOf(this.lib.dataDir), { recursive: true, force: true })
        throw error
      }
      this.engine = engine
      this.known = engine.state
      this.succeeded()
    })
  }

  /** The other devices see the new name after the next pass (now, or when the folder is back). */
  async rename(deviceName: string): Promise<SyncStatus> {
    const status = await this.exclusive(async () => {
      const state = this.engine?.state ?? this.known
      if (!state) throw new TicklerError('BAD_INPUT', 'Set up sync first; the device name is part of it.')
      state.deviceName = deviceName.trim().slice(0, 200)
      if (this.engine) this.engine.announceNext = true
      else await saveState(this.lib.dataDir, state)
    })
    this.schedule(0)
    return status
  }

  /**
   * Stops syncing on this computer. The folder keeps everything (other devices go on), the library
   * keeps every note; this computer's sync records go, so setting up again merges its notes by id.
   */
  stop(): Promise<SyncStatus> {
    return this.exclusive(async () => {
      this.engine?.close()
      this.engine = null
      this.known = null
      this.localChanges = 0
      this.pending.clear()
      this.stopWatching()
      this.cancelTimer()
      this.error = null
      this.retryAt = null
      await rm(syncDirOf(this.lib.dataDir), { recursive: true, force: true })
    })
  }

  /** A pass now (after any running one); its problems are in the status it returns, never thrown. */
  syncNow(): Promise<SyncStatus> {
    return this.exclusive(() => this.pass())
  }

  async close(): Promise<void> {
    this.closed = true
    for (const off of this.off.splice(0)) off()
    this.cancelTimer()
    this.stopWatching()
    while (this.running) await this.running
    this.engine?.close()
    this.engine = null
  }

  private tuning() {
    return this.o.compactAfter === undefined ? {} : { compactAfter: this.o.compactAfter }
  }

  /** Runs `job` when no pass is running, as the only one: two passes never overlap. */
  private async exclusive(job: () => Promise<void>): Promise<SyncStatus> {
    while (this.running) await this.running.catch(() => undefined)
    const run = job()
    this.running = run.catch(() => undefined)
    this.emit()
    try {
      await run
    } finally {
      this.running = null
      this.afterRun()
    }
    return this.status()
  }

  private async pass(): Promise<void> {
    if (this.closed) return
    try {
      if (!this.engine) {
        const known = this.known ?? (await loadState(this.lib.dataDir))
        if (!known) return
        this.engine = await startSync(this.lib, this.stores, this.tuning())
      }
      const taken = [...this.pending]
      await this.engine.pass()
      for (const id of taken) this.pending.delete(id)
      this.localChanges = 0 // the pass took every local change in; what came since is in `pending`
      this.succeeded()
    } catch (error) {
      this.failed(error)
    }
  }

  private succeeded(): void {
    this.failures = 0
    this.error = null
    this.retryAt = null
    const engine = this.engine
    if (!engine) return
    if (!this.unwatch) {
      const me = engine.state.deviceId
      this.unwatch = (this.o.watch ?? watchFolder)(engine.state.folder, me, {
        changed: () => this.schedule(this.debounceMs),
        broken: () => {
          this.stopWatching()
          this.schedule(0)
        },
      })
    }
    this.schedule(this.unwatch ? (this.o.watchedPollMs ?? 60_000) : (this.o.pollMs ?? 5000))
  }

  private failed(error: unknown): void {
    this.stopWatching()
    this.failures++
    this.error = problemOf(error)
    const wait = Math.min((this.o.retryMs ?? 5000) * 2 ** (this.failures - 1), this.o.maxRetryMs ?? 300_000)
    this.retryAt = new Date(this.lib.now().getTime() + wait)
    this.cancelTimer() // the retry replaces whatever was due: the status says when it is
    this.schedule(wait)
  }

  private afterRun(): void {
    if (this.received.size) this.o.onStores?.([...this.received])
    this.received.clear()
    if (this.again) {
      this.again = false
      this.schedule(this.debounceMs)
    }
    this.emit()
  }

  private localChanged(ids: string[]): void {
    if (this.closed || !(this.engine || this.known)) return
    // The pass's own writes land here too; one more pass after it finds nothing and costs a listing.
    if (this.running) {
      this.again = true
      return
    }
    const before = this.pending.size
    for (const id of ids) this.pending.add(id)
    this.schedule(this.debounceMs)
    if (this.pending.size !== before) this.emit()
  }

  /** The next pass in `ms`, unless one is already due sooner. */
  private schedule(ms: number): void {
    if (this.closed) return
    const at = Date.now() + ms
    if (this.timer !== null && this.timerAt <= at) return
    this.cancelTimer()
    this.timerAt = at
    this.timer = this.timers.set(() => {
      this.timer = null
      this.timerAt = Infinity
      if (this.running) this.again = true
      else void this.exclusive(() => this.pass())
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
    this.timerAt = Infinity
  }

  private stopWatching(): void {
    this.unwatch?.()
    this.unwatch = null
  }

  private emit(): void {
    if (!this.closed) this.o.onStatus?.(this.status())
  }
}
