import type { NoteSummary } from '../shared/model'
import type { Journal } from './journal'
import { writeSnapshot } from './snapshot'

/** After this many notes changed since the snapshot, refresh it in the background so opens stay fast. */
export const SNAPSHOT_REFRESH_AFTER = 2000

/**
 * Keeps the start-up snapshot (a derived cache of every summary) close to the notes: rewritten on close,
 * and in the background once enough notes were written since the last one.
 */
export class SnapshotKeeper {
  private changed = 0
  private run: Promise<void> | null = null

  constructor(
    private readonly cacheDir: string,
    private readonly journal: Journal,
    /** The library's write queue: no save may slip between rotating the journal and copying the list. */
    private readonly inQueue: <T>(task: () => Promise<T>) => Promise<T>,
    private readonly list: () => NoteSummary[],
  ) {}

  /** Counts written notes; crossing the threshold starts one background refresh. */
  written(count: number): void {
    const before = this.changed
    this.changed += count
    if (before < SNAPSHOT_REFRESH_AFTER && this.changed >= SNAPSHOT_REFRESH_AFTER) this.soon()
  }

  /** Rewrites the snapshot without holding up saves for longer than copying the summaries. */
  async refresh(): Promise<void> {
    const { below, json } = await this.inQueue(async () => {
      const below = this.journal.rotate()
      this.changed = 0
      return { below, json: { coversJournalsBelow: below, notes: this.list() } }
    })
    await writeSnapshot(this.cacheDir, json)
    await this.journal.prune(below)
  }

  soon(): void {
    this.run ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.refresh())
      .catch(() => undefined) // a derived cache: failing to refresh it only makes the next open slower
      .finally(() => (this.run = null))
  }

  /** Settles once a background refresh under way has finished. */
  settled(): Promise<void> {
    return this.run ?? Promise.resolve()
  }
}
